using NodaTime;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>The median and 90th percentile of some business times (Crm.Metrics' type-7 percentiles), null without any.</summary>
/// <param name="Count">How many.</param>
/// <param name="Median">The 50th percentile.</param>
/// <param name="Percentile90">The 90th percentile.</param>
internal sealed record BusinessTimes(long Count, Duration? Median, Duration? Percentile90);
