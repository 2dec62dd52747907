namespace Crm.Loyalty.Program;

/// <summary>One line of a purchase: its amount before discount, its discount and its tax, in the program's currency.</summary>
public sealed record PurchaseLine
{
    /// <summary>Creates the line.</summary>
    /// <exception cref="ArgumentException"><paramref name="lineId"/> is empty or longer than 100 characters, an amount is negative, the discount exceeds the amount, or the currencies differ.</exception>
    public PurchaseLine(string lineId, Money amount, Money? discount = null, Money? tax = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
        if (lineId.Length > 100)
        {
            throw new ArgumentException("A purchase line id is at most 100 characters.", nameof(lineId));
        }

        var zero = new Money(0m, amount.Currency);
        var d = discount ?? zero;
        var t = tax ?? zero;
        if (amount.IsEmpty || d.Currency != amount.Currency || t.Currency != amount.Currency)
        {
            throw new ArgumentException("A purchase line's amount, discount and tax must be in one currency.", nameof(amount));
        }

        if (amount.Amount < 0 || d.Amount < 0 || t.Amount < 0)
        {
            throw new ArgumentException("A purchase line's amount, discount and tax must not be negative.", nameof(amount));
        }

        if (d.Amount > amount.Amount)
        {
            throw new ArgumentException("A purchase line's discount must not exceed its amount.", nameof(discount));
        }

        LineId = lineId;
        Amount = amount;
        Discount = d;
        Tax = t;
    }

    /// <summary>The host's line id (unique within the purchase).</summary>
    public string LineId { get; }

    /// <summary>The line's amount before discount and tax.</summary>
    public Money Amount { get; }

    /// <summary>The discount on the line.</summary>
    public Money Discount { get; }

    /// <summary>The tax on the line.</summary>
    public Money Tax { get; }

    /// <summary>The product category, for category rules and multipliers, or <see langword="null"/>.</summary>
    public string? Category { get; init; }

    /// <summary>What the customer pays for the line before tax: <see cref="Amount"/> − <see cref="Discount"/>; refunds of the line are measured against it.</summary>
    public decimal NetAmount => Amount.Amount - Discount.Amount;
}
