using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty.Members;

/// <summary>The optional capability of a loyalty store to rank members on their activity in a window (points earned, money spent, profit), each call one query.</summary>
/// <remarks>Figures are the sums of <see cref="LedgerEntryFigures"/> over the entries recorded in [from, to). A store may keep
/// money to 8 decimal places (the EF Core stores do).</remarks>
public interface ILoyaltyRankingStore
{
    /// <summary>One page of the members with any activity in [<paramref name="from"/>, <paramref name="to"/>), best first on <paramref name="ranking"/> (ties by ascending member id), keyset paging.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="ranking">What to rank on.</param>
    /// <param name="from">The window's start (inclusive).</param>
    /// <param name="to">The window's end (exclusive).</param>
    /// <param name="pointValue">The money value of one point for <see cref="MemberActivity.Profit"/>; 0 when points are not priced.</param>
    /// <param name="page">The page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentException">The cursor was not produced by this store for the same ranking.</exception>
    ValueTask<Page<MemberActivity>> ListRankedMembersAsync(TenantId tenantId, MemberRanking ranking, Instant from, Instant to, decimal pointValue, PageRequest page, CancellationToken cancellationToken);

    /// <summary>How many members have any activity in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    ValueTask<long> CountActiveMembersAsync(TenantId tenantId, Instant from, Instant to, CancellationToken cancellationToken);
}
