using Crm.Interactions.Feedback;
using Crm.Interactions.Support;
using Crm.Loyalty.Statements;
using Crm.Loyalty.Tiers;
using Crm.Metrics.Feedback;
using Crm.Metrics.Periods;
using Crm.Metrics.Service;
using NodaTime;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>
/// Turns what the CRM stores hold — support cases, feedback answers, members' tiers and statements — into the report's
/// figures with Crm.Metrics' calculators. Pure: the same records give the same figures.
/// </summary>
internal static class RelationshipCalculator
{
    /// <summary>The category a case without one is counted under.</summary>
    public const string Uncategorized = "uncategorized";

    /// <summary>Crm.Metrics' service metrics of <paramref name="cases"/>, their SLA clocks in business time at <paramref name="asOf"/>, and the breaches <c>CheckSlaAsync</c> marked.</summary>
    /// <remarks>
    /// A case counts as resolved when it is resolved or closed at <paramref name="asOf"/> (a reopened case that is open again
    /// is not), at its last resolution; first-contact resolution is <see cref="SupportCase.IsFirstContactResolution"/>.
    /// Business times are the SLA timers' elapsed time at the moment the target was met (first response, last resolution).
    /// </remarks>
    public static ServiceFigures Service(IEnumerable<SupportCase> cases, BusinessCalendar calendar, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(calendar);
        var metrics = new ServiceMetricsAccumulator();
        var firstResponse = new List<Duration>();
        var resolution = new List<Duration>();
        long reopened = 0, firstResponseBreaches = 0, resolutionBreaches = 0;
        foreach (var c in cases)
        {
            var category = c.Category ?? Uncategorized;
            var resolved = c.Status is CaseStatus.Resolved or CaseStatus.Closed && c.ResolvedAt is not null;
            metrics.Add(resolved
                ? CaseFacts.ResolvedCase(c.OpenedAt, c.FirstResponseAt, c.ResolvedAt!.Value, c.IsFirstContactResolution, category)
                : new CaseFacts(c.OpenedAt, c.FirstResponseAt, null, null, category));
            if (c.GetSla(calendar, asOf) is { } sla)
            {
                if (sla.FirstResponse.MetAt is not null)
                {
                    firstResponse.Add(sla.FirstResponse.Elapsed);
                }

                if (resolved && sla.Resolution.MetAt is not null)
                {
                    resolution.Add(sla.Resolution.Elapsed);
                }
            }

            reopened += c.ReopenCount > 0 ? 1 : 0;
            firstResponseBreaches += c.SlaProgress.HasFlag(SlaProgress.FirstResponseBreached) ? 1 : 0;
            resolutionBreaches += c.SlaProgress.HasFlag(SlaProgress.ResolutionBreached) ? 1 : 0;
        }

        return new ServiceFigures(metrics.GetResult(), Times(firstResponse), Times(resolution), reopened, firstResponseBreaches, resolutionBreaches);
    }

    /// <summary>Crm.Metrics' quarterly NPS trend of the NPS answers among <paramref name="feedback"/>, quarters read in <paramref name="zone"/>.</summary>
    public static NpsTrend NpsByQuarter(IEnumerable<FeedbackResponse> feedback, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var trend = new NpsTrendAccumulator(PeriodUnit.Quarter, zone);
        foreach (var answer in feedback.Where(f => f.Survey == FeedbackSurvey.Nps))
        {
            trend.Add(new NpsResponse(answer.RespondedAt, answer.Score));
        }

        return trend.GetResult();
    }

    /// <summary>The club's figures from every member's tier and statement.</summary>
    /// <param name="members">Each member's tier status and statement (from the club's start to the report date).</param>
    /// <param name="tiers">The program's tiers, lowest first.</param>
    public static LoyaltyFigures Loyalty(IEnumerable<(TierStatus Tier, PointsStatement Statement)> members, IReadOnlyList<LoyaltyTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(tiers);
        var byTier = tiers.ToDictionary(t => t.Id, _ => 0, StringComparer.Ordinal);
        int count = 0;
        long outstanding = 0, earned = 0, redeemed = 0, expired = 0, reversed = 0, expiring = 0;
        foreach (var (tier, statement) in members)
        {
            count++;
            if (tier.Tier is { } reached)
            {
                byTier[reached.Id]++;
            }

            outstanding += statement.Closing;
            earned += statement.Earned;
            redeemed -= statement.Redeemed;
            expired -= statement.Expired;
            reversed += statement.Reversed;
            expiring += statement.ExpiringNext;
        }

        return new LoyaltyFigures(count, [.. tiers.Select(t => new TierCount(t.Id, byTier[t.Id]))], outstanding, earned, redeemed, expired, reversed, expiring);
    }

    private static BusinessTimes Times(List<Duration> values)
        => new(values.Count, DurationStatistics.Percentile(values, 0.5m), DurationStatistics.Percentile(values, 0.9m));
}
