using Crm.Interactions.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Coverage;

/// <summary>Relationship coverage: the distinct team members who interacted with a contact in the last N days, and the tenant's single-threaded relationships — the contacts only one person talks to, at risk when that person leaves.</summary>
/// <remarks>What counts as an interaction is defined on <see cref="CoverageWindow"/>. Per contact: the package has no accounts yet.</remarks>
public sealed class RelationshipCoverageManager
{
    private readonly IRelationshipCoverageStore _store;
    private readonly IClock _clock;

    /// <summary>Creates the manager.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RelationshipCoverageManager(IRelationshipCoverageStore store, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
    }

    /// <summary>The team members who interacted with the contact in the <paramref name="days"/> days (of 24 hours) before now.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public Task<RelationshipCoverage> GetCoverageAsync(TenantId tenantId, ContactId contactId, int days, CancellationToken cancellationToken = default)
        => GetCoverageAsync(tenantId, contactId, CoverageWindow.LastDays(_clock.GetCurrentInstant(), days), cancellationToken);

    /// <summary>The team members who interacted with the contact in <paramref name="window"/>.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store's answer breaks its contract (a null or repeated team member).</exception>
    public async Task<RelationshipCoverage> GetCoverageAsync(TenantId tenantId, ContactId contactId, CoverageWindow window, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(window);
        var members = await _store.GetCoverageAsync(tenantId, contactId, window, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The {nameof(IRelationshipCoverageStore)} returned no coverage list; the answer was refused.");
        try
        {
            return new RelationshipCoverage(contactId, window, members);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"The {nameof(IRelationshipCoverageStore)} returned a coverage list that breaks its contract; the answer was refused.", e);
        }
    }

    /// <summary>One page of the contacts that in the <paramref name="days"/> days before now interacted with exactly one team member, at least <paramref name="minimumInteractions"/> times: the at-risk list, in contact id order.</summary>
    /// <exception cref="ArgumentException">The tenant is empty, or the cursor was not produced by the store.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> or <paramref name="minimumInteractions"/> is less than 1.</exception>
    public Task<Page<SingleThreadedRelationship>> ListSingleThreadedAsync(TenantId tenantId, int days, int minimumInteractions, PageRequest page, CancellationToken cancellationToken = default)
        => ListSingleThreadedAsync(tenantId, CoverageWindow.LastDays(_clock.GetCurrentInstant(), days), minimumInteractions, page, cancellationToken);

    /// <summary>One page of the contacts that in <paramref name="window"/> interacted with exactly one team member, at least <paramref name="minimumInteractions"/> times, in contact id order.</summary>
    /// <exception cref="ArgumentException">The tenant is empty, or the cursor was not produced by the store.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumInteractions"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The store's answer breaks its contract (too many items, out of order, or below the minimum).</exception>
    public async Task<Page<SingleThreadedRelationship>> ListSingleThreadedAsync(
        TenantId tenantId, CoverageWindow window, int minimumInteractions, PageRequest page, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumInteractions, 1);
        var result = await _store.ListSingleThreadedAsync(tenantId, window, minimumInteractions, page, cancellationToken).ConfigureAwait(false);
        ContactPages.Check(result, page, static r => r.ContactId, r => r.Coverage.InteractionCount >= minimumInteractions
            && r.Coverage.LastInteractionAt >= window.From && r.Coverage.LastInteractionAt < window.To, nameof(IRelationshipCoverageStore));
        return result;
    }
}
