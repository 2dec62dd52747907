using Crm.Events;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a referral claim was rejected (already attributed, or an abuse check); ids and the reason code only.</summary>
[CrmEventType("crm.loyalty.referral_rejected", 1)]
public sealed record ReferralRejected : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty, or the code breaks its rule.</exception>
    public ReferralRejected(TenantId tenantId, Instant occurredAt, ContactId refereeId, ContactId referrerId, string code)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        RefereeId = refereeId;
        ReferrerId = referrerId;
        Code = Referrals.ReferralRejectionCodes.Validate(code, nameof(code));
    }

    /// <summary>The claimed referee.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The claimed referrer.</summary>
    public ContactId ReferrerId { get; }

    /// <summary>Why (<see cref="Referrals.ReferralRejectionCodes"/> or a host check's own code).</summary>
    public string Code { get; }
}
