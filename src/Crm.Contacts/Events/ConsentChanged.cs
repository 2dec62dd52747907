using Crm.Contacts.Consent;
using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when a consent grant, confirmation or withdrawal was recorded for a contact.</summary>
/// <remarks>Carries the kind of address, never the address: a listener reads the contact for it.</remarks>
[CrmEventType("crm.contacts.consent_changed", 1)]
public sealed record ConsentChanged : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or contact id is empty.</exception>
    public ConsentChanged(
        TenantId tenantId,
        Instant occurredAt,
        ContactId contactId,
        ConsentPurpose purpose,
        ConsentAddressKind addressKind,
        ConsentAction action,
        ConsentStatus status)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
        Purpose = purpose;
        AddressKind = addressKind;
        Action = action;
        Status = status;
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The purpose.</summary>
    public ConsentPurpose Purpose { get; }

    /// <summary>The kind of address the consent is attached to.</summary>
    public ConsentAddressKind AddressKind { get; }

    /// <summary>What was recorded.</summary>
    public ConsentAction Action { get; }

    /// <summary>The consent's status after the change.</summary>
    public ConsentStatus Status { get; }
}
