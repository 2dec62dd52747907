namespace Crm.Metrics.Pareto;

/// <summary>The smallest share of customers whose totals make Y % of the total.</summary>
/// <param name="AmountPercentage">Y, the share of the total asked about, in percent.</param>
/// <param name="Customers">All customers.</param>
/// <param name="CustomersNeeded">The fewest customers (largest first) whose totals reach Y % of the total; 0 when undefined.</param>
/// <param name="AmountReached">The total of those customers (at least Y % of the total).</param>
/// <param name="TotalAmount">The total of all customers.</param>
/// <param name="CustomerSharePercentage">CustomersNeeded / Customers × 100, in percent; undefined without customers or when the total is not positive.</param>
public sealed record ParetoConcentration(double AmountPercentage, long Customers, long CustomersNeeded, decimal AmountReached, decimal TotalAmount, MetricValue CustomerSharePercentage);
