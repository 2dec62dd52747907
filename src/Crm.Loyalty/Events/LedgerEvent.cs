using Crm.Events;
using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>The base of the loyalty ledger's events: which member, which entry, how many points.</summary>
public abstract record LedgerEvent : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, member or entry id is empty.</exception>
    protected LedgerEvent(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        LedgerEntryId.ThrowIfEmpty(entryId);
        ContactId = contactId;
        EntryId = entryId;
        Points = points;
    }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The ledger entry that records the fact.</summary>
    public LedgerEntryId EntryId { get; }

    /// <summary>The points the event is about (see each event for the sign).</summary>
    public long Points { get; }
}
