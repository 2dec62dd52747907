using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Metrics.Cohorts;

/// <summary>Builds cohort matrices from purchases in one pass (see <see cref="CohortAccumulator{TCustomer}"/>).</summary>
public static class CohortAnalysis
{
    /// <summary>The cohort retention and revenue matrices of <paramref name="purchases"/> by <paramref name="unit"/> in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The unit is not a calendar unit, or a purchase amount is negative.</exception>
    public static CohortMatrix Calculate<TCustomer>(IEnumerable<Purchase<TCustomer>> purchases, PeriodUnit unit, DateTimeZone zone, IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new CohortAccumulator<TCustomer>(unit, zone, comparer).AddRange(purchases).GetResult();

    /// <summary>The cohort matrices of the purchases of <paramref name="purchases"/> in <paramref name="window"/>, by <paramref name="unit"/>; rows run to the period of the window's last day when it has one.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The unit is not a calendar unit, or a purchase amount is negative.</exception>
    public static CohortMatrix Calculate<TCustomer>(IEnumerable<Purchase<TCustomer>> purchases, PeriodUnit unit, PurchaseWindow window, IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new CohortAccumulator<TCustomer>(unit, window, comparer).AddRange(purchases).GetResult();
}
