namespace Crm.Metrics.Pareto;

/// <summary>The smallest share of customers whose totals make a given share of the total.</summary>
/// <param name="AmountFraction">The share of the total asked about, a fraction in (0, 1] (0.8 for 80 %).</param>
/// <param name="Customers">All customers.</param>
/// <param name="CustomersNeeded">The fewest customers (largest first) whose totals reach AmountFraction of the total; 0 when undefined.</param>
/// <param name="AmountReached">The total of those customers (at least AmountFraction × the total).</param>
/// <param name="TotalAmount">The total of all customers.</param>
/// <param name="CustomerShare">CustomersNeeded / Customers, a fraction 0–1; undefined without customers or when the total is not positive.</param>
public sealed record ParetoConcentration(double AmountFraction, long Customers, long CustomersNeeded, decimal AmountReached, decimal TotalAmount, MetricValue CustomerShare)
{
    /// <summary><see cref="CustomerShare"/> × 100: a percentage, for display.</summary>
    public MetricValue CustomerSharePercent => CustomerShare.IsDefined ? MetricValue.Of(100.0 * CustomersNeeded / Customers) : CustomerShare;
}
