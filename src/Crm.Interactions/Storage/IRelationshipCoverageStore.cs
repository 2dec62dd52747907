using Crm.Interactions.Coverage;
using Crm.Storage;

namespace Crm.Interactions.Storage;

/// <summary>The reads of relationship coverage: who of the team interacted with a contact in a window, and the tenant's single-threaded relationships. An optional capability of an <see cref="IInteractionStore"/>, which both shipped stores implement.</summary>
/// <remarks>What counts is defined on <see cref="CoverageWindow"/>: timeline entries with a team member that are not internal.</remarks>
public interface IRelationshipCoverageStore
{
    /// <summary>The distinct team members who interacted with the contact in <paramref name="window"/>, each with its count and last instant, in any order.</summary>
    ValueTask<IReadOnlyList<TeamMemberCoverage>> GetCoverageAsync(TenantId tenantId, ContactId contactId, CoverageWindow window, CancellationToken cancellationToken);

    /// <summary>One page, in contact id order (the order of <see cref="Guid.CompareTo(Guid)"/>), of the contacts that in <paramref name="window"/> interacted with exactly one team member, at least <paramref name="minimumInteractions"/> times.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumInteractions"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<SingleThreadedRelationship>> ListSingleThreadedAsync(TenantId tenantId, CoverageWindow window, int minimumInteractions, PageRequest page, CancellationToken cancellationToken);
}
