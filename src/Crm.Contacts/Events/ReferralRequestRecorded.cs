using Crm.Contacts.Referrals;
using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when a referral request was made to a contact, or its answer was recorded.</summary>
[CrmEventType("crm.contacts.referral_request_recorded", 1)]
public sealed record ReferralRequestRecorded : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public ReferralRequestRecorded(TenantId tenantId, Instant occurredAt, ReferralRequestId requestId, ContactId contactId, ReferralRequestOutcome outcome)
        : base(tenantId, occurredAt)
    {
        ReferralRequestId.ThrowIfEmpty(requestId);
        ContactId.ThrowIfEmpty(contactId);
        RequestId = requestId;
        ContactId = contactId;
        Outcome = outcome;
    }

    /// <summary>The request.</summary>
    public ReferralRequestId RequestId { get; }

    /// <summary>The contact who was asked.</summary>
    public ContactId ContactId { get; }

    /// <summary>The request's state after the change: <see cref="ReferralRequestOutcome.Pending"/> when it was just made.</summary>
    public ReferralRequestOutcome Outcome { get; }
}
