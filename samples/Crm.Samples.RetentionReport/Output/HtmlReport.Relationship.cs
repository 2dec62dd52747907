using System.Globalization;
using System.Text;
using Crm.Samples.RetentionReport.Analysis;

namespace Crm.Samples.RetentionReport.Output;

internal static partial class HtmlReport
{
    // NPS, service desk and loyalty club, tagged with the JSON fields they show (data-figure="nps.score" …).
    private static void Relationship(StringBuilder html, RelationshipFigures r)
    {
        var nps = r.Nps.Trend;
        html.Append("<h2>NPS</h2><p class=\"note\">% promoters (9–10) − % detractors (0–6) per quarter, with its 95 % interval; answers read back from the interaction store.</p><div class=\"cards\">");
        Card(html, "nps.score", "NPS, all answers", Figures.Nps(nps.Overall.Score));
        Card(html, "nps.responses", "Answers", Figures.Count(nps.Overall.Responses));
        Card(html, "nps.detractors", "Detractors", Figures.Count(nps.Overall.Detractors));
        Card(html, "nps.detractorAlerts", "Detractor alerts raised", Figures.Count(r.Nps.DetractorAlerts));
        html.Append("</div>\n");
        Chart(html, "nps-trend", Charts.NpsTrend(nps));
        Table(html, ["Quarter", "Answers", "Promoters", "Passives", "Detractors", "NPS", "95 % interval"],
            nps.Points.Select(p => new[] { ReportCalculator.QuarterLabel(p.Period), Figures.Count(p.Result.Responses), Figures.Count(p.Result.Promoters), Figures.Count(p.Result.Passives), Figures.Count(p.Result.Detractors), Figures.Nps(p.Result.Score), $"{Figures.Nps(p.Result.Lower)} … {Figures.Nps(p.Result.Upper)}" }));

        var s = r.Service;
        var m = s.Metrics;
        html.Append("<h2>Support cases</h2><p class=\"note\">Business hours: Monday to Friday 08:00–18:00 Europe/Berlin without public holidays, the SLA clock (paused while waiting on the customer). Wall clock: Crm.Metrics' service metrics.</p><div class=\"cards\">");
        Card(html, "service.cases", "Cases", Figures.Count(m.Cases));
        Card(html, "service.firstResponseBusinessHours.median", "Median first response (business hours)", Figures.Hours(s.FirstResponseBusiness.Median));
        Card(html, "service.resolutionBusinessHours.median", "Median resolution (business hours)", Figures.Hours(s.ResolutionBusiness.Median));
        Card(html, "service.firstContactResolutionRate", "First-contact resolution", Figures.Share(m.FirstContactResolutionRate));
        Card(html, "service.slaBreaches.firstResponse", "First-response SLA breaches", Figures.Count(s.FirstResponseBreaches));
        Card(html, "service.slaBreaches.resolution", "Resolution SLA breaches", Figures.Count(s.ResolutionBreaches));
        html.Append("</div>\n");
        Table(html, ["Measure", "Cases", "Median", "90th percentile"],
        [
            ["First response (business hours)", Figures.Count(s.FirstResponseBusiness.Count), Figures.Hours(s.FirstResponseBusiness.Median), Figures.Hours(s.FirstResponseBusiness.Percentile90)],
            ["Resolution (business hours)", Figures.Count(s.ResolutionBusiness.Count), Figures.Hours(s.ResolutionBusiness.Median), Figures.Hours(s.ResolutionBusiness.Percentile90)],
            ["First response (wall clock)", Figures.Count(m.FirstResponseTime.Count), Figures.Hours(m.FirstResponseTime.Median), Figures.Hours(m.FirstResponseTime.Percentile90)],
            ["Resolution (wall clock)", Figures.Count(m.ResolutionTime.Count), Figures.Hours(m.ResolutionTime.Median), Figures.Hours(m.ResolutionTime.Percentile90)],
        ]);
        html.Append(CultureInfo.InvariantCulture, $"<p>Reopened: {Figures.Count(s.Reopened)} · never answered: {Figures.Count(m.NeverAnswered)} · SlaBreached events raised by <code>CheckSlaAsync</code>: <span data-figure=\"service.slaBreaches.events\">{Figures.Count(r.SlaBreachEvents)}</span>.</p>\n");

        var l = r.Loyalty;
        html.Append("<h2>Loyalty club</h2><p class=\"note\">Tiers on points earned in a rolling 12 months; expiry run as of the report date. The program defines no money value per point.</p><div class=\"cards\">");
        Card(html, "loyalty.members", "Members", Figures.Count(l.Members));
        Card(html, "loyalty.pointsOutstanding", "Points liability (outstanding points)", Figures.Count(l.OutstandingPoints));
        Card(html, "loyalty.redemptionRate", "Redemption rate (redeemed / earned)", Figures.Share(l.RedemptionRate));
        Card(html, "loyalty.pointsExpired", "Points expired", Figures.Count(l.Expired));
        html.Append("</div>\n");
        Table(html, ["Tier", "Members", "Share"], l.Tiers.Select(t => new[] { t.Tier, Figures.Count(t.Members), Figures.Share(l.Members == 0 ? null : (double)t.Members / l.Members) }), "loyalty.tiers.");
        html.Append(CultureInfo.InvariantCulture, $"<p>Earned {Figures.Count(l.Earned)} · redeemed {Figures.Count(l.Redeemed)} · expired {Figures.Count(l.Expired)} · refund clawbacks {Figures.Count(-l.Reversed)} · expiring within 30 days {Figures.Count(l.ExpiringNext30Days)}.</p>\n");
        var referrals = r.ReferralRewards;
        html.Append("<h3>Referral rewards</h3><p class=\"note\">A referred customer's first purchase of at least $20 pays them 25 points and their referrer 50 once its 30-day return window has passed; settled monthly.</p><div class=\"cards\">");
        Card(html, "loyalty.referralRewards.attributed", "Referred customers attributed", Figures.Count(referrals.Attributed));
        Card(html, "loyalty.referralRewards.rejected", "Claims rejected (abuse checks)", Figures.Count(referrals.Rejected));
        Card(html, "loyalty.referralRewards.paid", "Referrals paid", Figures.Count(referrals.Paid));
        Card(html, "loyalty.referralRewards.points", "Reward points paid", Figures.Count(referrals.Points));
        html.Append("</div>\n");
    }
}
