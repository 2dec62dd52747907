using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a member's points were adjusted by hand (goodwill, a surprise gift, a correction; <see cref="LedgerEvent.Points"/> signed).</summary>
[Crm.Events.CrmEventType("crm.loyalty.points_adjusted", 1)]
public sealed record PointsAdjusted : LedgerEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, member or an entry id is empty.</exception>
    public PointsAdjusted(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points)
        : base(tenantId, occurredAt, contactId, entryId, points)
    {
    }
}
