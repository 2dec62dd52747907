using Crm.Contacts.Events;
using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Privacy;

/// <summary>Written to the outbox when a contact's personal data was exported (<see cref="PersonalDataManager.ExportAsync"/>); carries ids only.</summary>
[CrmEventType("crm.contacts.personal_data_exported", 1)]
public sealed record PersonalDataExported : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or contact id is empty.</exception>
    public PersonalDataExported(TenantId tenantId, Instant occurredAt, ContactId contactId)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
    }

    /// <summary>The contact whose data was exported.</summary>
    public ContactId ContactId { get; }
}
