namespace Crm.Metrics;

/// <summary>Adds purchase amounts into a total, turning decimal's raw overflow into an error that names the rule.</summary>
internal static class AmountTotals
{
    /// <summary>Returns <paramref name="total"/> + <paramref name="amount"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sum leaves decimal's range; nothing was changed.</exception>
    public static decimal Add(decimal total, decimal amount, string what, string paramName = "item")
    {
        try
        {
            return total + amount;
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                amount,
                $"The {what} of one customer would exceed the largest decimal (±79,228,162,514,264,337,593,543,950,335) when adding this amount; the purchase was not added. Record amounts in a unit that keeps per-customer totals within that range.");
        }
    }
}
