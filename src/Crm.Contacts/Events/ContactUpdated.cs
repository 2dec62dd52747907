using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when a contact's profile (name, addresses, attributes…) was changed and stored.</summary>
/// <remarks>Lifecycle and consent changes write <see cref="LifecycleStageChanged"/> and <see cref="ConsentChanged"/> instead.</remarks>
[CrmEventType("crm.contacts.contact_updated", 1)]
public sealed record ContactUpdated : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or contact id is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="changedFields"/> is null.</exception>
    public ContactUpdated(TenantId tenantId, Instant occurredAt, ContactId contactId, IReadOnlyList<string> changedFields)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(changedFields);
        ContactId = contactId;
        ChangedFields = changedFields;
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The names of the <see cref="Contact"/> properties that changed (e.g. <c>Emails</c>, <c>Tags</c>), sorted; never their values.</summary>
    public IReadOnlyList<string> ChangedFields { get; }
}
