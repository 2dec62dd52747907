namespace Crm.Loyalty.Program;

/// <summary>The amount refunded on one purchase line.</summary>
public sealed record RefundLine
{
    /// <summary>Creates the line.</summary>
    /// <exception cref="ArgumentException"><paramref name="lineId"/> is empty or <paramref name="amount"/> is not positive.</exception>
    public RefundLine(string lineId, Money amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
        if (amount.IsEmpty || amount.Amount <= 0)
        {
            throw new ArgumentException("A refunded amount must be positive and have a currency.", nameof(amount));
        }

        LineId = lineId;
        Amount = amount;
    }

    /// <summary>The purchase line.</summary>
    public string LineId { get; }

    /// <summary>The amount refunded on it (of the line's net amount).</summary>
    public Money Amount { get; }
}
