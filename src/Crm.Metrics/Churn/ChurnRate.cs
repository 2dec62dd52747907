using Crm.Metrics.Retention;

namespace Crm.Metrics.Churn;

/// <summary>Computes the customer churn rate: the share of the customers at the start of a period who were lost by its end.</summary>
public static class ChurnRate
{
    internal const string NoAuditCustomersReason = "no customers at the start of the period";

    /// <summary>Churn = lost / S (a fraction) from counts.</summary>
    /// <param name="startCustomers">S: customers at the start of the period.</param>
    /// <param name="lostCustomers">Of those, the customers lost by the end.</param>
    /// <remarks>S = 0 gives an undefined rate, not an exception.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or more customers were lost than there were at the start.</exception>
    public static ChurnResult FromCounts(long startCustomers, long lostCustomers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startCustomers);
        ArgumentOutOfRangeException.ThrowIfNegative(lostCustomers);
        if (lostCustomers > startCustomers)
        {
            throw new ArgumentOutOfRangeException(nameof(lostCustomers), lostCustomers, $"Lost customers must not exceed the customers at the start (S = {startCustomers}).");
        }

        return new ChurnResult(startCustomers, lostCustomers, MetricValue.Ratio(lostCustomers, startCustomers, RetentionResult.NoStartReason));
    }

    /// <summary>The churn of a retention result whose customers were identified: lost = S − |S ∩ E|.</summary>
    /// <remarks>The counts-only form S − (E − N) would count new customers lost within the period against the starting
    /// customers, so only a result with <see cref="RetentionResult.RetainedCustomers"/> is accepted.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="retention"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="retention"/> was computed from counts only.</exception>
    public static ChurnResult FromRetention(RetentionResult retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        if (retention.RetainedCustomers is not { } retained)
        {
            throw new ArgumentException("Churn needs the retained customers |S ∩ E|; this retention result was computed from counts only.", nameof(retention));
        }

        return FromCounts(retention.StartCustomers, retention.StartCustomers - retained);
    }

    /// <summary>A churn audit of <paramref name="customers"/> grouped by <paramref name="groupBy"/>, in one pass (see <see cref="ChurnAuditAccumulator{TItem, TKey}"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A customer's key is null, or the key type has no natural order and no key order is given.</exception>
    public static ChurnAudit<TKey> Audit<TItem, TKey>(IEnumerable<TItem> customers, Func<TItem, TKey> groupBy, Func<TItem, bool> hasChurned, IComparer<TKey>? keyOrder = null)
        where TKey : notnull
        => new ChurnAuditAccumulator<TItem, TKey>(groupBy, hasChurned, keyOrder).AddRange(customers).GetResult();

    /// <summary>Gross and net revenue retention from per-customer revenue lines, in one pass (see <see cref="RevenueRetentionAccumulator{TCustomer}"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="revenues"/> is null.</exception>
    /// <exception cref="ArgumentException">A line names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A revenue is negative.</exception>
    public static RevenueRetention RevenueRetention<TCustomer>(IEnumerable<CustomerRevenue<TCustomer>> revenues, IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new RevenueRetentionAccumulator<TCustomer>(comparer).AddRange(revenues).GetResult();
}
