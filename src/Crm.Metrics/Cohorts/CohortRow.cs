using Crm.Metrics.Periods;

namespace Crm.Metrics.Cohorts;

/// <summary>One acquisition cohort: the customers whose first purchase fell in one period, and what they did in each period since.</summary>
/// <param name="AcquisitionPeriod">The period of the cohort's first purchases.</param>
/// <param name="Customers">Customers acquired in that period (the cohort size).</param>
/// <param name="ActiveCustomers">Index k: cohort customers who purchased in the k-th period after acquisition (index 0 is the whole cohort).</param>
/// <param name="ActiveShares">Index k: ActiveCustomers[k] / Customers, a fraction 0–1 (index 0 is 1; always defined: a cohort has a customer).</param>
/// <param name="Revenue">Index k: the cohort's purchase amounts in the k-th period after acquisition.</param>
/// <remarks>The lists run from the acquisition period to the matrix's last period, so later cohorts have shorter rows (a triangle).</remarks>
public sealed record CohortRow(
    ReportingPeriod AcquisitionPeriod,
    long Customers,
    IReadOnlyList<long> ActiveCustomers,
    IReadOnlyList<MetricValue> ActiveShares,
    IReadOnlyList<decimal> Revenue)
{
    /// <summary>Whether both rows hold the same values, comparing lists element by element.</summary>
    public bool Equals(CohortRow? other)
        => other is not null
           && AcquisitionPeriod.Equals(other.AcquisitionPeriod)
           && Customers == other.Customers
           && ActiveCustomers.SequenceEqual(other.ActiveCustomers)
           && ActiveShares.SequenceEqual(other.ActiveShares)
           && Revenue.SequenceEqual(other.Revenue);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AcquisitionPeriod, Customers, ActiveCustomers.Count);
}
