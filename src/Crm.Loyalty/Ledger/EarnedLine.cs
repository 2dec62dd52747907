namespace Crm.Loyalty.Ledger;

/// <summary>One line of an earning or of its reversal, as computed at the time: the point-in-time snapshot a refund and an audit read instead of today's rules.</summary>
/// <remarks>For an earning, <see cref="Amount"/> is the line's amount after discounts (what a refund of the line is measured against),
/// <see cref="Basis"/> the part of it that earned, and <see cref="Points"/> the points it was awarded after rounding and caps.
/// For a reversal, <see cref="Amount"/> is the amount refunded on the line and <see cref="Points"/> the points taken back.</remarks>
public sealed record EarnedLine
{
    /// <summary>Creates the line.</summary>
    /// <exception cref="ArgumentException"><paramref name="lineId"/> is empty or longer than 100 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount, the rate or the multiplier is negative, or <paramref name="points"/> is negative.</exception>
    public EarnedLine(string lineId, decimal amount, decimal basis, string? ruleId, decimal rate, decimal multiplier, long points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lineId.Length, 100, nameof(lineId));
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(basis);
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfNegative(multiplier);
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        LineId = lineId;
        Amount = amount;
        Basis = basis;
        RuleId = ruleId;
        Rate = rate;
        Multiplier = multiplier;
        Points = points;
    }

    /// <summary>The host's id of the purchase line (or the event rule's id for an event earning).</summary>
    public string LineId { get; }

    /// <summary>The line's amount after discounts (earning), or the amount refunded on it (reversal), in the program's currency.</summary>
    public decimal Amount { get; }

    /// <summary>The part of <see cref="Amount"/> that earned points (after the basis rules and non-earning tenders).</summary>
    public decimal Basis { get; }

    /// <summary>The ids of the spend rules applied, joined by '+', or <see langword="null"/> when none applied.</summary>
    public string? RuleId { get; }

    /// <summary>The points per currency unit the applied rules gave together.</summary>
    public decimal Rate { get; }

    /// <summary>The product of the applied multipliers (1 when none).</summary>
    public decimal Multiplier { get; }

    /// <summary>The points awarded (earning) or taken back (reversal) on this line.</summary>
    public long Points { get; }
}
