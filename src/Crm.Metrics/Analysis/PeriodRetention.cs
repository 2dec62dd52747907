using Crm.Metrics.Periods;
using Crm.Metrics.Retention;

namespace Crm.Metrics.Analysis;

/// <summary>Customer retention and churn over one reporting period of a purchase analysis.</summary>
/// <param name="Period">The period: a calendar period, or for the last one when the calibration end falls inside it, that period cut at the calibration end (a <see cref="PeriodUnit.Custom"/> period).</param>
/// <param name="IsComplete">Whether the whole calendar period lies in the calibration period (false for a last period cut at the calibration end).</param>
/// <param name="Result">S, N, E and |S ∩ E| of the period and the rates computed from them (see <see cref="RetentionResult"/>).</param>
/// <remarks>
/// A customer is active at an instant while a purchase made before it is within the inactivity window of it, exactly as
/// <see cref="ActivityRetentionAccumulator{TCustomer}"/> with each purchase taken at the start of its day in the zone.
/// </remarks>
public sealed record PeriodRetention(ReportingPeriod Period, bool IsComplete, RetentionResult Result)
{
    /// <summary>The seed's customer retention rate (E − N) / S, a fraction; undefined when S = 0.</summary>
    public MetricValue Retention => Result.Retention;

    /// <summary>(E − N) / S × 100, a percentage; undefined when S = 0.</summary>
    public MetricValue RetentionPercent => Result.RetentionPercent;

    /// <summary>The complement of the seed's rate, 1 − (E − N) / S = (S − E + N) / S, a fraction; undefined when S = 0.</summary>
    /// <remarks>The churn of the starting customers alone, |S \ E| / S, is <c>ChurnRate.FromRetention(Result)</c>; the two differ by the new customers lost within the period over S.</remarks>
    public MetricValue Churn => MetricValue.Ratio(Result.StartCustomers - Result.EndCustomers + Result.NewCustomers, Result.StartCustomers, RetentionResult.NoStartReason);

    /// <summary><see cref="Churn"/> × 100, a percentage; undefined when S = 0.</summary>
    public MetricValue ChurnPercent => MetricValue.Ratio(Result.StartCustomers - Result.EndCustomers + Result.NewCustomers, Result.StartCustomers, RetentionResult.NoStartReason, 100);
}
