namespace Crm.Metrics.Feedback;

/// <summary>NPS per reporting period, oldest first, and over all answers.</summary>
/// <param name="Points">One point per period from the first to the last period with an answer; periods without answers are included with an undefined score, so gaps are visible.</param>
/// <param name="Overall">The NPS of all answers together.</param>
public sealed record NpsTrend(IReadOnlyList<NpsTrendPoint> Points, NpsResult Overall);
