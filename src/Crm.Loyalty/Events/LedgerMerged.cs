using Crm.Events;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a merged contact's ledger moved to the survivor.</summary>
[CrmEventType("crm.loyalty.ledger_merged", 1)]
public sealed record LedgerMerged : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public LedgerMerged(TenantId tenantId, Instant occurredAt, ContactId survivorId, ContactId absorbedId)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(survivorId);
        ContactId.ThrowIfEmpty(absorbedId);
        SurvivorId = survivorId;
        AbsorbedId = absorbedId;
    }

    /// <summary>The member who received the ledger.</summary>
    public ContactId SurvivorId { get; }

    /// <summary>The member whose ledger moved.</summary>
    public ContactId AbsorbedId { get; }
}
