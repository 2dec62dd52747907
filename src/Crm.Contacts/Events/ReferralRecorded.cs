using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when a referral edge was stored.</summary>
[CrmEventType("crm.contacts.referral_recorded", 1)]
public sealed record ReferralRecorded : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public ReferralRecorded(TenantId tenantId, Instant occurredAt, ContactId refereeId, ContactId referrerId)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        RefereeId = refereeId;
        ReferrerId = referrerId;
    }

    /// <summary>The contact who was referred.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The contact who referred them.</summary>
    public ContactId ReferrerId { get; }
}
