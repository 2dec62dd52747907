using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when contacts were merged into a survivor (ids only); the absorbed ids keep resolving to merged records.</summary>
[CrmEventType("crm.contacts.contacts_merged", 1)]
public sealed record ContactsMerged : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or survivor id is empty, or there is no absorbed id.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="absorbedIds"/> is null.</exception>
    public ContactsMerged(TenantId tenantId, Instant occurredAt, ContactId survivorId, IReadOnlyList<ContactId> absorbedIds)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(survivorId);
        ArgumentNullException.ThrowIfNull(absorbedIds);
        if (absorbedIds.Count == 0)
        {
            throw new ArgumentException("A merge absorbs at least one contact.", nameof(absorbedIds));
        }

        SurvivorId = survivorId;
        AbsorbedIds = absorbedIds;
    }

    /// <summary>The contact that remained.</summary>
    public ContactId SurvivorId { get; }

    /// <summary>The contacts merged into it.</summary>
    public IReadOnlyList<ContactId> AbsorbedIds { get; }
}
