using System.Runtime.CompilerServices;
using Crm.Loyalty.Members;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>One page of the members active in [<paramref name="from"/>, <paramref name="to"/>), best first on <paramref name="ranking"/>: points earned, money spent, or profit (money spent minus the money value of the points redeemed, at <see cref="Program.LoyaltyProgram.PointValue"/>).</summary>
    /// <remarks>
    /// <para>Every figure is summed from the ledger entries recorded in the window (<see cref="LedgerEntryFigures"/>): points
    /// earned net of refund clawbacks, money spent net of refunds (purchases that went through the ledger), points redeemed
    /// net of cancelled redemptions. Never the balance. A member is active when any figure moved in the window. Ties are
    /// broken by ascending member id. One store query per page.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The tenant is empty, <paramref name="to"/> is before <paramref name="from"/>, or the cursor is not the store's for this ranking.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ranking"/> is not defined.</exception>
    /// <exception cref="NotSupportedException">The store does not implement <see cref="ILoyaltyRankingStore"/>.</exception>
    public async Task<Page<MemberActivity>> GetRankedMembersAsync(TenantId tenantId, MemberRanking ranking, Instant from, Instant to, PageRequest page, CancellationToken cancellationToken = default)
    {
        var store = RankingStore(tenantId, ranking, from, to);
        var result = await store.ListRankedMembersAsync(tenantId, ranking, from, to, Program.PointValue ?? 0m, page, cancellationToken).ConfigureAwait(false);
        if (result.Items.Count > page.Size || result.Items.Select(m => m.ContactId).Distinct().Count() != result.Items.Count)
        {
            throw new InvalidOperationException($"The loyalty store returned more than {page.Size} members, or one member twice, for tenant '{tenantId}'.");
        }

        return result;
    }

    /// <summary>The best <paramref name="share"/> of the members active in the window on <paramref name="ranking"/> (for example 0.2 for the top 20 %), streamed page by page, best first.</summary>
    /// <remarks>The number of members is ⌈<paramref name="share"/> × active members⌉: one count query, then one query per page of up to <see cref="PageRequest.MaxPageSize"/>.</remarks>
    /// <exception cref="ArgumentException">The tenant is empty or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is not in (0, 1], or <paramref name="ranking"/> is not defined.</exception>
    /// <exception cref="NotSupportedException">The store does not implement <see cref="ILoyaltyRankingStore"/>.</exception>
    public IAsyncEnumerable<MemberActivity> GetTopShareAsync(TenantId tenantId, MemberRanking ranking, Instant from, Instant to, decimal share, CancellationToken cancellationToken = default)
    {
        if (share is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share is a fraction in (0, 1], for example 0.2 for the top 20 %.");
        }

        var store = RankingStore(tenantId, ranking, from, to);
        return TopShareAsync(store, tenantId, ranking, from, to, share, cancellationToken);
    }

    private async IAsyncEnumerable<MemberActivity> TopShareAsync(ILoyaltyRankingStore store, TenantId tenantId, MemberRanking ranking, Instant from, Instant to, decimal share, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var active = await store.CountActiveMembersAsync(tenantId, from, to, cancellationToken).ConfigureAwait(false);
        var left = (long)decimal.Ceiling(share * active);
        string? cursor = null;
        while (left > 0)
        {
            var page = await GetRankedMembersAsync(tenantId, ranking, from, to, new PageRequest((int)Math.Min(left, PageRequest.MaxPageSize), cursor), cancellationToken).ConfigureAwait(false);
            foreach (var member in page.Items)
            {
                yield return member;
            }

            left -= page.Items.Count;
            cursor = page.NextCursor;
            if (cursor is null)
            {
                yield break;
            }
        }
    }

    private ILoyaltyRankingStore RankingStore(TenantId tenantId, MemberRanking ranking, Instant from, Instant to)
    {
        TenantId.ThrowIfEmpty(tenantId);
        if (ranking is MemberRanking.Unset || !Enum.IsDefined(ranking))
        {
            throw new ArgumentOutOfRangeException(nameof(ranking), ranking, "Rank on PointsEarned, MoneySpent or Profit.");
        }

        if (to < from)
        {
            throw new ArgumentException("A window must not end before it starts.", nameof(to));
        }

        return _store as ILoyaltyRankingStore
            ?? throw new NotSupportedException($"The loyalty store ({_store.GetType().FullName}) does not implement ILoyaltyRankingStore.");
    }
}
