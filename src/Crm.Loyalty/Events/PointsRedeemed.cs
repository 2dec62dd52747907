using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a member spent points (<see cref="LedgerEvent.Points"/> positive).</summary>
[Crm.Events.CrmEventType("crm.loyalty.points_redeemed", 1)]
public sealed record PointsRedeemed : LedgerEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, member or an entry id is empty.</exception>
    public PointsRedeemed(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points)
        : base(tenantId, occurredAt, contactId, entryId, points)
    {
    }
}
