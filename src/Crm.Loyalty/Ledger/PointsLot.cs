using NodaTime;

namespace Crm.Loyalty.Ledger;

/// <summary>Points credited together, with their own availability and expiry; debits are allocated to lots, soonest-expiring first.</summary>
/// <remarks>A lot is written once with the entry that created it and shares that entry's id. It is pending until
/// <see cref="AvailableAt"/> and an activation entry (<see cref="LoyaltyManager.ActivateAsync"/>) have made it available.</remarks>
public sealed record PointsLot
{
    /// <summary>Creates the lot.</summary>
    /// <exception cref="ArgumentException">An id is empty, <paramref name="points"/> is not positive, or the lot would expire before it is available.</exception>
    public PointsLot(LedgerEntryId id, ContactId contactId, long points, Instant creditedAt, Instant availableAt, Instant? expiresAt)
    {
        LedgerEntryId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (availableAt < creditedAt)
        {
            throw new ArgumentException("A lot cannot become available before it was credited.", nameof(availableAt));
        }

        if (expiresAt is { } expiry && expiry <= creditedAt)
        {
            throw new ArgumentException("A lot must expire after it was credited.", nameof(expiresAt));
        }

        Id = id;
        ContactId = contactId;
        Points = points;
        CreditedAt = creditedAt;
        AvailableAt = availableAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The lot's id: the id of the entry that created it.</summary>
    public LedgerEntryId Id { get; }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The points credited.</summary>
    public long Points { get; }

    /// <summary>When the points were credited.</summary>
    public Instant CreditedAt { get; }

    /// <summary>When the hold ends; equal to <see cref="CreditedAt"/> for points available at once.</summary>
    public Instant AvailableAt { get; }

    /// <summary>The first instant at which the lot is expired, or <see langword="null"/> when it never expires.</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>Whether the lot needs an activation entry before it can be spent.</summary>
    public bool IsHeld => AvailableAt > CreditedAt;
}
