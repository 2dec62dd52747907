namespace Crm.Metrics.Pareto;

/// <summary>The share of the total that the top X % of customers bring.</summary>
/// <param name="TopPercentage">X, the share of customers asked about, in percent.</param>
/// <param name="Customers">All customers.</param>
/// <param name="TopCustomers">⌈X % × Customers⌉: how many customers the top X % is.</param>
/// <param name="TopAmount">The total of those customers.</param>
/// <param name="TotalAmount">The total of all customers.</param>
/// <param name="SharePercentage">TopAmount / TotalAmount × 100, in percent; undefined without customers or when the total is not positive.</param>
public sealed record ParetoShare(double TopPercentage, long Customers, long TopCustomers, decimal TopAmount, decimal TotalAmount, MetricValue SharePercentage);
