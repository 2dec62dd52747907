using Crm.Metrics.Service;
using NodaTime;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>How the service desk did: Crm.Metrics' service metrics, the same times in business hours, and SLA breaches.</summary>
/// <param name="Metrics">Crm.Metrics' <see cref="ServiceMetrics"/> over the cases: wall-clock first response and resolution times, first-contact resolution.</param>
/// <param name="FirstResponseBusiness">Business time from opening to the first response (the SLA clock: paused while pending), answered cases.</param>
/// <param name="ResolutionBusiness">Business time from opening to the last resolution (the SLA clock), cases resolved or closed now.</param>
/// <param name="Reopened">Cases reopened at least once.</param>
/// <param name="FirstResponseBreaches">Cases whose first-response target <c>CheckSlaAsync</c> marked breached.</param>
/// <param name="ResolutionBreaches">Cases whose resolution target <c>CheckSlaAsync</c> marked breached.</param>
internal sealed record ServiceFigures(
    ServiceMetrics Metrics,
    BusinessTimes FirstResponseBusiness,
    BusinessTimes ResolutionBusiness,
    long Reopened,
    long FirstResponseBreaches,
    long ResolutionBreaches);
