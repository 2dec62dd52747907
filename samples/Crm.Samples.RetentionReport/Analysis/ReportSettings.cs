using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>How purchases are read into a report: the zone days are taken in, the two end dates and the models' time unit.</summary>
/// <param name="Zone">The zone purchase instants become calendar days in (a date-only purchase keeps its date).</param>
/// <param name="CalibrationEnd">The last day of the calibration period, inclusive: every figure but the rows read is taken over the purchases up to it.</param>
/// <param name="ObservationEnd">The last day observed, inclusive (<c>--as-of</c>); on or after <paramref name="CalibrationEnd"/>.</param>
/// <param name="TimeUnit">The unit recency and age are expressed in for the BG/NBD model.</param>
internal sealed record ReportSettings(DateTimeZone Zone, LocalDate CalibrationEnd, LocalDate ObservationEnd, CustomerSummaryTimeUnit TimeUnit)
{
    /// <summary>Whether the days after the calibration end up to the observation end form a holdout period.</summary>
    public bool HasHoldout => CalibrationEnd < ObservationEnd;
}
