using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a member redeemed points for a catalog reward (<see cref="LedgerEvent.Points"/> the cost, positive); the host delivers the reward.</summary>
[Crm.Events.CrmEventType("crm.loyalty.reward_paid", 1)]
public sealed record RewardPaid : LedgerEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, member or entry id is empty, or the reward id breaks the rule.</exception>
    public RewardPaid(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points, string rewardId)
        : base(tenantId, occurredAt, contactId, entryId, points)
    {
        Rewards.Reward.ValidateId(rewardId, nameof(rewardId));
        RewardId = rewardId;
    }

    /// <summary>The reward paid.</summary>
    public string RewardId { get; }
}
