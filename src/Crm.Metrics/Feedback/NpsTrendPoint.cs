using Crm.Metrics.Periods;

namespace Crm.Metrics.Feedback;

/// <summary>The NPS of one reporting period in a trend.</summary>
/// <param name="Period">The period.</param>
/// <param name="Result">The NPS of the answers given in the period; undefined when there were none.</param>
public sealed record NpsTrendPoint(ReportingPeriod Period, NpsResult Result);
