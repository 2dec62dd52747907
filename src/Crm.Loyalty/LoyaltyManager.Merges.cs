using Crm.Events;
using Crm.Loyalty.Events;
using Crm.Loyalty.Storage;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    private const int MaxMergeHops = 64;

    /// <summary>Moves the ledgers of <paramref name="absorbedIds"/> (entries with their idempotency keys, lots, allocations) to <paramref name="survivorId"/>, as Crm.Contacts merged the contacts.</summary>
    /// <remarks>Idempotent: an absorbed member whose ledger was moved already is skipped, so a redelivered
    /// <c>ContactsMerged</c> changes nothing. After the move both balances still reconcile, and a replayed command of the
    /// absorbed member, resolved through <see cref="ResolveMemberAsync"/>, finds its first entry and pays nothing twice.</remarks>
    /// <returns>How many absorbed ledgers this call moved.</returns>
    /// <exception cref="ArgumentException">An id is empty, or the survivor is among the absorbed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="absorbedIds"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The registered store does not implement <see cref="ILoyaltyMemberMergeStore"/>.</exception>
    public async Task<int> MergeMembersAsync(TenantId tenantId, ContactId survivorId, IReadOnlyCollection<ContactId> absorbedIds, CancellationToken cancellationToken = default)
    {
        Check(tenantId, survivorId);
        ArgumentNullException.ThrowIfNull(absorbedIds);
        if (absorbedIds.Any(id => id.IsEmpty || id == survivorId))
        {
            throw new ArgumentException("Every absorbed id must be set and differ from the survivor.", nameof(absorbedIds));
        }

        var store = MergeStore();
        var moved = 0;
        foreach (var absorbedId in absorbedIds.Distinct())
        {
            for (var attempt = 1; ; attempt++)
            {
                if (await store.FindMergeSurvivorAsync(tenantId, absorbedId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    break;
                }

                var absorbedVersion = await _store.GetVersionAsync(tenantId, LoyaltyChangeSet.BalanceCounter(absorbedId), cancellationToken).ConfigureAwait(false);
                var survivorVersion = await _store.GetVersionAsync(tenantId, LoyaltyChangeSet.BalanceCounter(survivorId), cancellationToken).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                var changes = new LedgerMergeChangeSet(absorbedId, survivorId, now)
                {
                    VersionChecks = [LoyaltyChangeSet.BalanceCheck(absorbedId, absorbedVersion), LoyaltyChangeSet.BalanceCheck(survivorId, survivorVersion)],
                    Events = [_eventIds.Identify(new LedgerMerged(tenantId, now, survivorId, absorbedId))],
                };
                try
                {
                    await store.MergeMembersAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyConflictException) when (attempt < _options.MaxConflictRetries)
                {
                    continue;
                }

                Log.LedgerMerged(_logger, tenantId, absorbedId, survivorId);
                moved++;
                break;
            }
        }

        return moved;
    }

    /// <summary>The member whose ledger holds <paramref name="contactId"/>'s points: the contact itself, or the survivor its ledger was merged into (following merges of merges).</summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public async Task<ContactId> ResolveMemberAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        if (_store is not ILoyaltyMemberMergeStore store)
        {
            return contactId;
        }

        var current = contactId;
        for (var hop = 0; hop < MaxMergeHops && await store.FindMergeSurvivorAsync(tenantId, current, cancellationToken).ConfigureAwait(false) is { } next; hop++)
        {
            current = next;
        }

        return current;
    }

    private ILoyaltyMemberMergeStore MergeStore()
        => _store as ILoyaltyMemberMergeStore
            ?? throw new InvalidOperationException($"The registered ILoyaltyStore ({_store.GetType().FullName}) does not implement ILoyaltyMemberMergeStore, so merged members' ledgers cannot move.");
}
