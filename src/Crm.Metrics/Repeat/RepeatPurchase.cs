using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>Computes repeat-purchase behaviour from purchases in one pass (see <see cref="RepeatPurchaseAccumulator{TCustomer}"/>).</summary>
public static class RepeatPurchase
{
    /// <summary>Computes <see cref="RepeatPurchaseResult"/> from every purchase of <paramref name="purchases"/>, reading days in <paramref name="zone"/>; the latest purchase day ends the observation.</summary>
    /// <param name="purchases">The purchases, in any order.</param>
    /// <param name="zone">The zone purchase days are read in.</param>
    /// <param name="conversionWindowDays">N for the second-purchase conversion.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A purchase amount is negative, or the conversion window is less than 1 day.</exception>
    public static RepeatPurchaseResult Calculate<TCustomer>(
        IEnumerable<Purchase<TCustomer>> purchases,
        DateTimeZone zone,
        int conversionWindowDays = 90,
        IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new RepeatPurchaseAccumulator<TCustomer>(zone, conversionWindowDays, comparer).AddRange(purchases).GetResult();

    /// <summary>Computes <see cref="RepeatPurchaseResult"/> from the purchases of <paramref name="purchases"/> that lie in <paramref name="window"/>.</summary>
    /// <param name="purchases">The purchases, in any order.</param>
    /// <param name="window">The zone days are read in and the days read; its last day, when it has one, ends the observation.</param>
    /// <param name="conversionWindowDays">N for the second-purchase conversion.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A purchase amount is negative, or the conversion window is less than 1 day.</exception>
    public static RepeatPurchaseResult Calculate<TCustomer>(
        IEnumerable<Purchase<TCustomer>> purchases,
        PurchaseWindow window,
        int conversionWindowDays = 90,
        IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new RepeatPurchaseAccumulator<TCustomer>(window, conversionWindowDays, comparer).AddRange(purchases).GetResult();
}
