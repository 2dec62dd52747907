using Crm.Metrics.Feedback;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>NPS per quarter and over all answers, with the detractor alerts the feedback manager raised.</summary>
/// <param name="Trend">Crm.Metrics' quarterly <see cref="NpsTrend"/> of the NPS answers read back from the store.</param>
/// <param name="DetractorAlerts">DetractorAlert events written with the answers (an answer at or below the threshold, 6).</param>
internal sealed record NpsFigures(NpsTrend Trend, long DetractorAlerts);
