using System.Text.Json;
using Crm.Metrics;
using Crm.Metrics.Feedback;
using Crm.Samples.RetentionReport.Analysis;
using NodaTime;

namespace Crm.Samples.RetentionReport.Output;

internal static partial class JsonReport
{
    // The fields added to version 1 for the generated base: "nps", "service" and "loyalty", each null for a CSV file.
    private static void Relationship(Utf8JsonWriter json, RelationshipFigures? relationship)
    {
        if (relationship is null)
        {
            json.WriteNull("nps");
            json.WriteNull("service");
            json.WriteNull("loyalty");
            return;
        }

        json.WriteStartObject("nps");
        Nps(json, relationship.Nps.Trend.Overall);
        json.WriteNumber("detractorAlerts", relationship.Nps.DetractorAlerts);
        json.WriteStartArray("quarters");
        foreach (var point in relationship.Nps.Trend.Points)
        {
            json.WriteStartObject();
            json.WriteString("quarter", ReportCalculator.QuarterLabel(point.Period));
            Nps(json, point.Result);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        var s = relationship.Service;
        var m = s.Metrics;
        json.WriteStartObject("service");
        json.WriteNumber("cases", m.Cases);
        json.WriteNumber("neverAnswered", m.NeverAnswered);
        json.WriteNumber("reopened", s.Reopened);
        Hours(json, "firstResponseBusinessHours", s.FirstResponseBusiness.Count, s.FirstResponseBusiness.Median, s.FirstResponseBusiness.Percentile90);
        Hours(json, "resolutionBusinessHours", s.ResolutionBusiness.Count, s.ResolutionBusiness.Median, s.ResolutionBusiness.Percentile90);
        Hours(json, "firstResponseHours", m.FirstResponseTime.Count, m.FirstResponseTime.Median, m.FirstResponseTime.Percentile90);
        Hours(json, "resolutionHours", m.ResolutionTime.Count, m.ResolutionTime.Median, m.ResolutionTime.Percentile90);
        json.WriteNumber("resolvedWithKnownContacts", m.ResolvedWithKnownContacts);
        json.WriteNumber("resolvedAtFirstContact", m.ResolvedAtFirstContact);
        Metric(json, "firstContactResolutionRate", m.FirstContactResolutionRate);
        json.WriteStartObject("slaBreaches");
        json.WriteNumber("firstResponse", s.FirstResponseBreaches);
        json.WriteNumber("resolution", s.ResolutionBreaches);
        json.WriteNumber("events", relationship.SlaBreachEvents);
        json.WriteEndObject();
        json.WriteEndObject();

        var l = relationship.Loyalty;
        json.WriteStartObject("loyalty");
        json.WriteNumber("members", l.Members);
        json.WriteStartArray("tiers");
        foreach (var tier in l.Tiers)
        {
            json.WriteStartObject();
            json.WriteString("tier", tier.Tier);
            json.WriteNumber("members", tier.Members);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("pointsOutstanding", l.OutstandingPoints);
        json.WriteNumber("pointsExpiringWithin30Days", l.ExpiringNext30Days);
        json.WriteNumber("pointsEarned", l.Earned);
        json.WriteNumber("pointsRedeemed", l.Redeemed);
        json.WriteNumber("pointsExpired", l.Expired);
        json.WriteNumber("pointsReversed", l.Reversed);
        Number(json, "redemptionRate", l.RedemptionRate);
        var referrals = relationship.ReferralRewards;
        json.WriteStartObject("referralRewards");
        json.WriteNumber("attributed", referrals.Attributed);
        json.WriteNumber("rejected", referrals.Rejected);
        json.WriteNumber("paid", referrals.Paid);
        json.WriteNumber("rewards", referrals.Rewards);
        json.WriteNumber("points", referrals.Points);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Nps(Utf8JsonWriter json, NpsResult result)
    {
        json.WriteNumber("responses", result.Responses);
        json.WriteNumber("promoters", result.Promoters);
        json.WriteNumber("passives", result.Passives);
        json.WriteNumber("detractors", result.Detractors);
        Metric(json, "score", result.Score);
        Metric(json, "lower", result.Lower);
        Metric(json, "upper", result.Upper);
    }

    private static void Hours(Utf8JsonWriter json, string name, long count, Duration? median, Duration? percentile90)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", count);
        Number(json, "median", median?.TotalHours);
        Number(json, "p90", percentile90?.TotalHours);
        json.WriteEndObject();
    }

    private static void Metric(Utf8JsonWriter json, string name, MetricValue value) => Number(json, name, value.TryGetValue(out var v) ? v : null);
}
