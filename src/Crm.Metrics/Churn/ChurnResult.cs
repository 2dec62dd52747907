namespace Crm.Metrics.Churn;

/// <summary>A customer churn rate over one period, with the counts it was computed from.</summary>
/// <param name="StartCustomers">S: customers at the start of the period.</param>
/// <param name="LostCustomers">Starting customers who were no longer customers at the end.</param>
/// <param name="Churn">LostCustomers / S, a fraction 0–1; undefined when S = 0.</param>
/// <remarks>Churn is measured on the starting customers only: customers acquired during the period and lost again
/// are not in the denominator, so they are not in the numerator either (see <see cref="Retention.RetentionResult"/>).</remarks>
public sealed record ChurnResult(long StartCustomers, long LostCustomers, MetricValue Churn)
{
    /// <summary>Starting customers still there at the end (S − lost).</summary>
    public long RetainedCustomers => StartCustomers - LostCustomers;

    /// <summary>LostCustomers / S × 100, a percentage 0–100; undefined when S = 0.</summary>
    public MetricValue ChurnPercent => MetricValue.Ratio(LostCustomers, StartCustomers, Retention.RetentionResult.NoStartReason, 100);
}
