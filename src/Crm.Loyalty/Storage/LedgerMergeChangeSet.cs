using Crm.Storage;

namespace Crm.Loyalty.Storage;

/// <summary>Moves the whole ledger of <see cref="AbsorbedId"/> (entries with their idempotency keys, lots, allocations) to <see cref="SurvivorId"/>, applied by <see cref="ILoyaltyMemberMergeStore.MergeMembersAsync"/>.</summary>
/// <remarks>The only change to existing ledger rows the package ever makes: the owner changes, never a point, a key or an
/// instant, so both balances still reconcile and every idempotency key still finds its entry. Guarded by both members'
/// balance counters in <see cref="ChangeSet.VersionChecks"/>; the store records the merge, so a repeat is a no-op.</remarks>
public sealed class LedgerMergeChangeSet : ChangeSet
{
    /// <summary>Creates the change set.</summary>
    /// <exception cref="ArgumentException">An id is empty, or both are the same.</exception>
    public LedgerMergeChangeSet(ContactId absorbedId, ContactId survivorId, NodaTime.Instant mergedAt)
    {
        ContactId.ThrowIfEmpty(absorbedId);
        ContactId.ThrowIfEmpty(survivorId);
        if (absorbedId == survivorId)
        {
            throw new ArgumentException("A member cannot be merged into itself.", nameof(survivorId));
        }

        AbsorbedId = absorbedId;
        SurvivorId = survivorId;
        MergedAt = mergedAt;
    }

    /// <summary>The member whose ledger moves.</summary>
    public ContactId AbsorbedId { get; }

    /// <summary>The member who receives it.</summary>
    public ContactId SurvivorId { get; }

    /// <summary>When the merge was applied.</summary>
    public NodaTime.Instant MergedAt { get; }

    /// <inheritdoc />
    public override bool IsEmpty => false;

    /// <summary>What the change set does.</summary>
    public override string ToString() => $"LedgerMergeChangeSet ({AbsorbedId} into {SurvivorId}, {VersionChecks.Count} counter check(s), {Events.Count} event(s))";
}
