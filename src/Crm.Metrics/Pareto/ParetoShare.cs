namespace Crm.Metrics.Pareto;

/// <summary>The share of the total that the top fraction of customers bring.</summary>
/// <param name="TopFraction">The share of customers asked about, a fraction in (0, 1] (0.2 for the top 20 %).</param>
/// <param name="Customers">All customers.</param>
/// <param name="TopCustomers">⌈TopFraction × Customers⌉: how many customers the top is.</param>
/// <param name="TopAmount">The total of those customers.</param>
/// <param name="TotalAmount">The total of all customers.</param>
/// <param name="Share">TopAmount / TotalAmount, a fraction 0–1; undefined without customers or when the total is not positive.</param>
public sealed record ParetoShare(double TopFraction, long Customers, long TopCustomers, decimal TopAmount, decimal TotalAmount, MetricValue Share)
{
    /// <summary><see cref="Share"/> × 100: a percentage, for display.</summary>
    public MetricValue SharePercent => Share.IsDefined ? MetricValue.Of((double)(TopAmount / TotalAmount * 100)) : Share;
}
