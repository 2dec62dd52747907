using Crm.Contacts.Acquisition;
using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when a new contact was stored.</summary>
[CrmEventType("crm.contacts.contact_created", 1)]
public sealed record ContactCreated : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or contact id is empty.</exception>
    public ContactCreated(TenantId tenantId, Instant occurredAt, ContactId contactId, RecordOrigin origin)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
        Origin = origin;
    }

    /// <summary>The new contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>How the record entered the system.</summary>
    public RecordOrigin Origin { get; }
}
