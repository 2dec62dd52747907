namespace Crm.Metrics.Churn;

/// <summary>A churn audit: the churn rate overall and for each value of a customer attribute, to see which kinds of customer leave.</summary>
/// <typeparam name="TKey">The attribute's type.</typeparam>
/// <param name="Customers">Customers at the start of the period, over all groups.</param>
/// <param name="Churned">Of those, customers lost.</param>
/// <param name="ChurnPercentage">Churned / Customers × 100, in percent; undefined without customers.</param>
/// <param name="Groups">One row per attribute value: highest churn rate first, then the larger group, then the key order.</param>
public sealed record ChurnAudit<TKey>(long Customers, long Churned, MetricValue ChurnPercentage, IReadOnlyList<ChurnAuditGroup<TKey>> Groups)
    where TKey : notnull
{
    /// <summary>Whether both audits hold the same values, comparing groups element by element.</summary>
    public bool Equals(ChurnAudit<TKey>? other)
        => other is not null
           && Customers == other.Customers
           && Churned == other.Churned
           && ChurnPercentage.Equals(other.ChurnPercentage)
           && Groups.SequenceEqual(other.Groups);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Customers, Churned, Groups.Count);
}
