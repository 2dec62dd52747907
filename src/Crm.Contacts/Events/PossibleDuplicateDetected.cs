using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when a contact was created although it matches existing contacts under the duplicate rules (<c>DuplicateCreateAction.Flag</c>), so a person can review and merge.</summary>
[CrmEventType("crm.contacts.possible_duplicate_detected", 1)]
public sealed record PossibleDuplicateDetected : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or contact id is empty, or there is no existing id.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="existingContactIds"/> is null.</exception>
    public PossibleDuplicateDetected(TenantId tenantId, Instant occurredAt, ContactId contactId, IReadOnlyList<ContactId> existingContactIds, int ruleIndex)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(existingContactIds);
        if (existingContactIds.Count == 0)
        {
            throw new ArgumentException("A possible duplicate needs at least one existing contact id.", nameof(existingContactIds));
        }

        ContactId = contactId;
        ExistingContactIds = existingContactIds;
        RuleIndex = ruleIndex;
    }

    /// <summary>The new contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The existing contacts it matches.</summary>
    public IReadOnlyList<ContactId> ExistingContactIds { get; }

    /// <summary>The index of the first matching rule in <c>DuplicateOptions.Rules</c>.</summary>
    public int RuleIndex { get; }
}
