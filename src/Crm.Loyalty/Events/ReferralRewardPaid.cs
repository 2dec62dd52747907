using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a referral reward was credited (<see cref="LedgerEvent.ContactId"/> the one paid, <see cref="LedgerEvent.Points"/> positive).</summary>
[Crm.Events.CrmEventType("crm.loyalty.referral_reward_paid", 1)]
public sealed record ReferralRewardPaid : LedgerEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is negative.</exception>
    public ReferralRewardPaid(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points, ContactId refereeId, int depth)
        : base(tenantId, occurredAt, contactId, entryId, points)
    {
        ContactId.ThrowIfEmpty(refereeId);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        RefereeId = refereeId;
        Depth = depth;
    }

    /// <summary>The referee whose qualifying purchase earned the reward.</summary>
    public ContactId RefereeId { get; }

    /// <summary>0 for the referee's own reward, 1 for the referrer, 2 and more further up the chain.</summary>
    public int Depth { get; }
}
