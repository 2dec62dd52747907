using Crm.Events;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a referral's qualifying purchase was refunded within its return window: nothing will be paid for it.</summary>
[CrmEventType("crm.loyalty.referral_reward_voided", 1)]
public sealed record ReferralRewardVoided : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public ReferralRewardVoided(TenantId tenantId, Instant occurredAt, ContactId refereeId, ContactId referrerId)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        RefereeId = refereeId;
        ReferrerId = referrerId;
    }

    /// <summary>The referee.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The referrer.</summary>
    public ContactId ReferrerId { get; }
}
