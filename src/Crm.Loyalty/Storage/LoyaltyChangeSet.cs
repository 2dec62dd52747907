using Crm.Loyalty.Ledger;
using Crm.Storage;

namespace Crm.Loyalty.Storage;

/// <summary>Everything one loyalty command writes, applied by <see cref="ILoyaltyStore.SaveAsync"/> atomically: all of it, or (on any failed check) none of it.</summary>
/// <remarks>
/// <para>Before writing anything a store checks that every <see cref="ChangeSet.VersionChecks"/> counter is at its
/// expected version (a member's balance is the counter <see cref="BalanceCounter"/>: a manager reads it with the lots it
/// allocates from, so a debit computed against a stale balance fails), that no entry id and no
/// <see cref="LedgerEntry.IdempotencyKey"/> exists in the tenant or appears twice (entity <c>idempotency key</c>), that
/// every lot shares the id of an entry of the same change set and member, and that no lot's allocations would take it
/// below zero or above its points and no debt would be settled beyond what is owed (entity <c>points lot</c>). Any failed
/// check throws <see cref="ConcurrencyConflictException"/> and writes nothing; a malformed change set (a record of another
/// tenant or member, an allocation to an unknown lot or entry) throws <see cref="ArgumentException"/> and writes nothing.</para>
/// <para>Nothing is ever updated or deleted: entries, lots and allocations are appended. A store that implements
/// <see cref="Crm.Outbox.IOutboxStore"/> writes <see cref="ChangeSet.Events"/> to its outbox in the same atomic save.</para>
/// </remarks>
public sealed partial class LoyaltyChangeSet : ChangeSet
{
    /// <summary>Ledger entries to append, all of one member.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; init; } = [];

    /// <summary>Lots to create, each with the id of an entry in <see cref="Entries"/>.</summary>
    public IReadOnlyList<PointsLot> LotsCreated { get; init; } = [];

    /// <summary>Allocations to append: points taken from (or given back to) lots by entries.</summary>
    public IReadOnlyList<LotAllocation> Allocations { get; init; } = [];

    /// <summary>The name of a member's balance version counter.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty.</exception>
    public static string BalanceCounter(ContactId contactId)
    {
        ContactId.ThrowIfEmpty(contactId);
        return $"loyalty.balance:{contactId}";
    }

    /// <summary>A guard that the member's balance is still at <paramref name="expectedVersion"/>, advancing it.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public static VersionCheck BalanceCheck(ContactId contactId, long expectedVersion) => new(BalanceCounter(contactId), expectedVersion, advance: true);

    /// <summary>The name of a reward's stock version counter: every redemption of the reward advances it, so concurrent redemptions of the last units cannot both succeed.</summary>
    /// <exception cref="ArgumentException"><paramref name="rewardId"/> breaks the rule of <see cref="Rewards.Reward.ValidateId"/>.</exception>
    public static string RewardCounter(string rewardId)
    {
        Rewards.Reward.ValidateId(rewardId, nameof(rewardId));
        return $"loyalty.reward:{rewardId}";
    }

    /// <inheritdoc />
    public override bool IsEmpty => base.IsEmpty && Entries.Count == 0 && LotsCreated.Count == 0 && Allocations.Count == 0 && TierChanges.Count == 0 && Badges.Count == 0;

    /// <summary>How many records of each kind the change set writes.</summary>
    public override string ToString() => $"LoyaltyChangeSet ({Entries.Count} entries, {LotsCreated.Count} lot(s), {Allocations.Count} allocation(s), {TierChanges.Count} tier change(s), {Badges.Count} badge(s), {VersionChecks.Count} counter check(s), {Events.Count} event(s))";
}
