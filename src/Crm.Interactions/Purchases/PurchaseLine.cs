namespace Crm.Interactions.Purchases;

/// <summary>One line of a purchase: a product code, a category, a quantity and the line's amount in the purchase's currency.</summary>
public sealed class PurchaseLine
{
    /// <summary>Creates a line.</summary>
    /// <exception cref="ArgumentException">The SKU or category breaks its rule (1–100 characters, no control characters).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is not positive or the amount is negative.</exception>
    public PurchaseLine(string? sku, string? category, decimal quantity, decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Sku = TextRules.OptionalLabel(sku, "PurchaseLine.Sku", nameof(sku));
        Category = TextRules.OptionalLabel(category, "PurchaseLine.Category", nameof(category));
        Quantity = quantity;
        Amount = amount;
    }

    /// <summary>The host's product code, if given.</summary>
    public string? Sku { get; }

    /// <summary>The product category, if given.</summary>
    public string? Category { get; }

    /// <summary>How many units (positive; may be fractional, e.g. kilograms).</summary>
    public decimal Quantity { get; }

    /// <summary>The line's total in the purchase's currency (not negative).</summary>
    public decimal Amount { get; }

    /// <summary>The quantity, code, category and amount.</summary>
    public override string ToString() => FormattableString.Invariant($"{Quantity} × {Sku ?? "?"} ({Category ?? "no category"}) = {Amount}");
}
