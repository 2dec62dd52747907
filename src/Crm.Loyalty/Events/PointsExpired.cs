using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when the rest of a lot expired (<see cref="LedgerEvent.Points"/> positive).</summary>
[Crm.Events.CrmEventType("crm.loyalty.points_expired", 1)]
public sealed record PointsExpired : LedgerEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, member or an entry id is empty.</exception>
    public PointsExpired(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points, LedgerEntryId lotId)
        : base(tenantId, occurredAt, contactId, entryId, points)
    {
        LedgerEntryId.ThrowIfEmpty(lotId);
        LotId = lotId;
    }

    /// <summary>The lot that expired.</summary>
    public LedgerEntryId LotId { get; }
}
