namespace Crm.Metrics.Churn;

/// <summary>A churn audit: the churn rate overall and for each value of a customer attribute, to see which kinds of customer leave.</summary>
/// <typeparam name="TKey">The attribute's type.</typeparam>
/// <param name="Customers">Customers at the start of the period, over all groups.</param>
/// <param name="Churned">Of those, customers lost.</param>
/// <param name="Churn">Churned / Customers, a fraction 0–1; undefined without customers.</param>
/// <param name="Groups">One row per attribute value: highest churn rate first, then the larger group, then the key order.</param>
public sealed record ChurnAudit<TKey>(long Customers, long Churned, MetricValue Churn, IReadOnlyList<ChurnAuditGroup<TKey>> Groups)
    where TKey : notnull
{
    /// <summary>Whether both audits hold the same values, comparing groups element by element.</summary>
    public bool Equals(ChurnAudit<TKey>? other)
        => other is not null
           && Customers == other.Customers
           && Churned == other.Churned
           && Churn.Equals(other.Churn)
           && Groups.SequenceEqual(other.Groups);

    /// <summary>Churned / Customers × 100, a percentage, for display; undefined without customers.</summary>
    public MetricValue ChurnPercent => MetricValue.Ratio(Churned, Customers, ChurnRate.NoAuditCustomersReason, 100);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Customers, Churned, Groups.Count);
}
