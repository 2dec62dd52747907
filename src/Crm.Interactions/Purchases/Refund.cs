using Crm.Privacy;
using NodaTime;

namespace Crm.Interactions.Purchases;

/// <summary>A full or partial refund of a <see cref="Purchase"/>, in the purchase's currency.</summary>
public sealed class Refund
{
    /// <summary>Creates the refund.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number or the amount is not positive.</exception>
    /// <exception cref="ArgumentException">The reason breaks its rule.</exception>
    public Refund(int number, decimal amount, Instant refundedAt, string? reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Number = number;
        Amount = amount;
        RefundedAt = refundedAt;
        Reason = TextRules.OptionalText(reason, "Refund.Reason", nameof(reason));
    }

    /// <summary>The refund's position among the purchase's refunds, from 1.</summary>
    public int Number { get; }

    /// <summary>The amount given back (positive).</summary>
    public decimal Amount { get; }

    /// <summary>When the refund happened.</summary>
    public Instant RefundedAt { get; }

    /// <summary>Why, in the team's words; <see langword="null"/> after erasure.</summary>
    [PersonalData]
    public string? Reason { get; }

    /// <summary>The number, amount and instant.</summary>
    public override string ToString() => FormattableString.Invariant($"refund #{Number} of {Amount} at {RefundedAt}");
}
