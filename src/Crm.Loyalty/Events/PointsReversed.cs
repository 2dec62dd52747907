using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox when an earning was clawed back (a refund; <see cref="LedgerEvent.Points"/> negative or zero) or a redemption was cancelled (positive).</summary>
[Crm.Events.CrmEventType("crm.loyalty.points_reversed", 1)]
public sealed record PointsReversed : LedgerEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, member or an entry id is empty.</exception>
    public PointsReversed(TenantId tenantId, Instant occurredAt, ContactId contactId, LedgerEntryId entryId, long points, LedgerEntryId reversedEntryId)
        : base(tenantId, occurredAt, contactId, entryId, points)
    {
        LedgerEntryId.ThrowIfEmpty(reversedEntryId);
        ReversedEntryId = reversedEntryId;
    }

    /// <summary>The entry reversed.</summary>
    public LedgerEntryId ReversedEntryId { get; }

    /// <summary>Points a clawback wrote off under <see cref="DebtPolicy.ClampAtZero"/>.</summary>
    public long WrittenOff { get; init; }
}
