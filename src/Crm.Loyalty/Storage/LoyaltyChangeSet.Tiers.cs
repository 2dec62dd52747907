using Crm.Loyalty.Tiers;
using Crm.Storage;

namespace Crm.Loyalty.Storage;

public sealed partial class LoyaltyChangeSet
{
    /// <summary>Tier changes to append to the member's tier history, each with an idempotency key unique in the tenant among tier changes; written only by a store that implements <see cref="ILoyaltyTierStore"/>.</summary>
    public IReadOnlyList<TierChange> TierChanges { get; init; } = [];

    /// <summary>The name of a member's tier version counter: every stored tier change advances it, so a decision made on a stale tier fails.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty.</exception>
    public static string TierCounter(ContactId contactId)
    {
        ContactId.ThrowIfEmpty(contactId);
        return $"loyalty.tier:{contactId}";
    }

    /// <summary>A guard that the member's tier is still at <paramref name="expectedVersion"/>, advancing it when <paramref name="advance"/> (the change set stores a tier change).</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public static VersionCheck TierCheck(ContactId contactId, long expectedVersion, bool advance) => new(TierCounter(contactId), expectedVersion, advance);
}
