using Crm.Contacts.Events;
using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Privacy;

/// <summary>Written to the outbox when a contact's personal data was erased (<see cref="PersonalDataManager.EraseAsync"/>); carries ids only.</summary>
/// <remarks>
/// Published on every call, also when the record had already been erased, so a listener that erases copies elsewhere
/// (a search index, a mailing tool) gets another chance after a failure. Listeners should be idempotent.
/// </remarks>
[CrmEventType("crm.contacts.personal_data_erased", 1)]
public sealed record PersonalDataErased : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or contact id is empty.</exception>
    public PersonalDataErased(TenantId tenantId, Instant occurredAt, ContactId contactId, bool wasAlreadyErased, bool isComplete)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
        WasAlreadyErased = wasAlreadyErased;
        IsComplete = isComplete;
    }

    /// <summary>The erased contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>Whether the contact record had already been erased before this call.</summary>
    public bool WasAlreadyErased { get; }

    /// <summary>Whether every contributor succeeded (see <see cref="PersonalDataErasureReport.IsComplete"/>).</summary>
    public bool IsComplete { get; }
}
