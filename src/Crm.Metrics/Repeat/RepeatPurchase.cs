using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>Computes repeat-purchase behaviour from purchases in one pass (see <see cref="RepeatPurchaseAccumulator{TCustomer}"/>).</summary>
public static class RepeatPurchase
{
    /// <summary>Computes <see cref="RepeatPurchaseResult"/> from <paramref name="purchases"/>, reading days in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A purchase amount is negative, or the window is less than 1 day.</exception>
    public static RepeatPurchaseResult Calculate<TCustomer>(
        IEnumerable<Purchase<TCustomer>> purchases,
        DateTimeZone zone,
        int conversionWindowDays = 90,
        LocalDate? observationEnd = null,
        IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new RepeatPurchaseAccumulator<TCustomer>(zone, conversionWindowDays, observationEnd, comparer).AddRange(purchases).GetResult();
}
