namespace Crm.Metrics.Churn;

/// <summary>The churn of the customers sharing one attribute value (a budget band, a company size, an acquisition channel…).</summary>
/// <typeparam name="TKey">The attribute's type.</typeparam>
/// <param name="Key">The attribute value.</param>
/// <param name="Customers">Customers in the group at the start of the period.</param>
/// <param name="Churned">Of those, customers lost.</param>
/// <param name="Churn">Churned / Customers, a fraction 0–1 (a group always has a customer, so it is defined).</param>
/// <param name="ShareOfChurned">This group's share of all churned customers, a fraction 0–1; undefined when nobody churned.</param>
/// <param name="Lift">The group's churn rate divided by the overall churn rate (above 1: churns more than average); undefined when the overall rate is zero.</param>
public sealed record ChurnAuditGroup<TKey>(TKey Key, long Customers, long Churned, MetricValue Churn, MetricValue ShareOfChurned, MetricValue Lift)
    where TKey : notnull
{
    /// <summary><see cref="Churn"/> × 100, a percentage, for display.</summary>
    public MetricValue ChurnPercent => MetricValue.Ratio(Churned, Customers, "empty group", 100);

    /// <summary><see cref="ShareOfChurned"/> × 100, a percentage, for display; undefined when nobody churned.</summary>
    public MetricValue ShareOfChurnedPercent => ShareOfChurned.IsDefined ? MetricValue.Of(ShareOfChurned.Value * 100) : ShareOfChurned;
}
