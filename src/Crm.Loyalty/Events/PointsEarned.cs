using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when a member earned points (a purchase or an event; <see cref="LedgerEvent.Points"/> positive); the points form one lot.</summary>
[Crm.Events.CrmEventType("crm.loyalty.points_earned", 1)]
public sealed record PointsEarned : LedgerEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, member or an entry id is empty.</exception>
    public PointsEarned(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points)
        : base(tenantId, occurredAt, contactId, entryId, points)
    {
    }

    /// <summary>When the points can be spent (after the hold and an activation).</summary>
    public Instant AvailableAt { get; init; }

    /// <summary>When the points expire, or <see langword="null"/>.</summary>
    public Instant? ExpiresAt { get; init; }
}
