namespace Crm.Metrics.Churn;

/// <summary>The churn of the customers sharing one attribute value (a budget band, a company size, an acquisition channel…).</summary>
/// <typeparam name="TKey">The attribute's type.</typeparam>
/// <param name="Key">The attribute value.</param>
/// <param name="Customers">Customers in the group at the start of the period.</param>
/// <param name="Churned">Of those, customers lost.</param>
/// <param name="ChurnPercentage">Churned / Customers × 100, in percent (a group always has a customer, so it is defined).</param>
/// <param name="ShareOfChurnedPercentage">This group's share of all churned customers, in percent; undefined when nobody churned.</param>
/// <param name="Lift">The group's churn rate divided by the overall churn rate (above 1: churns more than average); undefined when the overall rate is zero.</param>
public sealed record ChurnAuditGroup<TKey>(TKey Key, long Customers, long Churned, MetricValue ChurnPercentage, MetricValue ShareOfChurnedPercentage, MetricValue Lift)
    where TKey : notnull;
