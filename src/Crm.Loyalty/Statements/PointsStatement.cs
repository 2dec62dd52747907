using NodaTime;

namespace Crm.Loyalty.Statements;

/// <summary>A member's points statement for a period: what the ledger did between two instants, which always reconciles.</summary>
/// <remarks>
/// Every figure is a sum of ledger entries recorded in [<see cref="From"/>, <see cref="To"/>), by kind, with its sign:
/// <see cref="Earned"/> is positive, <see cref="Redeemed"/> and <see cref="Expired"/> are negative or zero,
/// <see cref="Adjusted"/> and <see cref="Reversed"/> are signed. So <see cref="Closing"/> = <see cref="Opening"/> +
/// <see cref="Earned"/> + <see cref="Redeemed"/> + <see cref="Expired"/> + <see cref="Adjusted"/> + <see cref="Reversed"/>,
/// and the closing balance of one period is the opening balance of the next. Activations move points from pending to
/// available and change no figure.
/// </remarks>
public sealed record PointsStatement
{
    /// <summary>The member.</summary>
    public required ContactId ContactId { get; init; }

    /// <summary>The first instant of the period.</summary>
    public required Instant From { get; init; }

    /// <summary>The instant the period ends (excluded).</summary>
    public required Instant To { get; init; }

    /// <summary>The balance (total, with pending points and less debt) before <see cref="From"/>.</summary>
    public required long Opening { get; init; }

    /// <summary>Points earned in the period.</summary>
    public required long Earned { get; init; }

    /// <summary>Points redeemed in the period (negative).</summary>
    public required long Redeemed { get; init; }

    /// <summary>Points expired in the period (negative).</summary>
    public required long Expired { get; init; }

    /// <summary>Adjustments in the period (signed).</summary>
    public required long Adjusted { get; init; }

    /// <summary>Reversals in the period: clawbacks of refunded earnings (negative) and cancelled redemptions (positive).</summary>
    public required long Reversed { get; init; }

    /// <summary>The balance at <see cref="To"/>: the sum of every entry recorded before it, summed independently of the movements.</summary>
    public required long Closing { get; init; }

    /// <summary>Points in the member's open lots, as the ledger stands now, that expire in the window after <see cref="To"/> the statement was asked for.</summary>
    public required long ExpiringNext { get; init; }

    /// <summary>Whether the figures add up: <see cref="Closing"/> = <see cref="Opening"/> + every movement.</summary>
    public bool Reconciles => Closing == Opening + Earned + Redeemed + Expired + Adjusted + Reversed;
}
