using Crm.Samples.RetentionReport.Analysis;
using Spectre.Console;

namespace Crm.Samples.RetentionReport.Output;

internal static partial class TextReport
{
    // NPS, service desk and loyalty club: what Crm.Interactions and Crm.Loyalty hold for the generated base.
    private static void WriteRelationship(IAnsiConsole console, RelationshipFigures r)
    {
        var nps = r.Nps.Trend;
        Section(console, "NPS by quarter", "% promoters (9–10) − % detractors (0–6), 95 % interval; answers read back from the interaction store");
        var trend = NewTable("Quarter", "Answers", "Promoters", "Passives", "Detractors", "NPS", "95 % interval");
        foreach (var point in nps.Points)
        {
            var q = point.Result;
            trend.AddRow(ReportCalculator.QuarterLabel(point.Period), Figures.Count(q.Responses), Figures.Count(q.Promoters), Figures.Count(q.Passives), Figures.Count(q.Detractors), Figures.Nps(q.Score), $"{Figures.Nps(q.Lower)} … {Figures.Nps(q.Upper)}");
        }

        trend.AddRow("[bold]All[/]", Figures.Count(nps.Overall.Responses), Figures.Count(nps.Overall.Promoters), Figures.Count(nps.Overall.Passives), Figures.Count(nps.Overall.Detractors), Figures.Nps(nps.Overall.Score), $"{Figures.Nps(nps.Overall.Lower)} … {Figures.Nps(nps.Overall.Upper)}");
        console.Write(trend);
        console.MarkupLine($"Detractor alerts raised: [bold]{Figures.Count(r.Nps.DetractorAlerts)}[/] (DetractorAlert events in the outbox for the host's handlers)");

        var s = r.Service;
        var m = s.Metrics;
        Section(console, "Support cases", "first response and resolution: median / 90th percentile; business hours Mon–Fri 08–18 Europe/Berlin, paused while waiting on the customer");
        var service = NewTable("Measure", "Cases", "Median", "90th percentile");
        service.AddRow("First response (business hours)", Figures.Count(s.FirstResponseBusiness.Count), Figures.Hours(s.FirstResponseBusiness.Median), Figures.Hours(s.FirstResponseBusiness.Percentile90));
        service.AddRow("Resolution (business hours)", Figures.Count(s.ResolutionBusiness.Count), Figures.Hours(s.ResolutionBusiness.Median), Figures.Hours(s.ResolutionBusiness.Percentile90));
        service.AddRow("First response (wall clock)", Figures.Count(m.FirstResponseTime.Count), Figures.Hours(m.FirstResponseTime.Median), Figures.Hours(m.FirstResponseTime.Percentile90));
        service.AddRow("Resolution (wall clock)", Figures.Count(m.ResolutionTime.Count), Figures.Hours(m.ResolutionTime.Median), Figures.Hours(m.ResolutionTime.Percentile90));
        console.Write(service);
        console.MarkupLine($"Cases [bold]{Figures.Count(m.Cases)}[/], first-contact resolution [bold]{Figures.Share(m.FirstContactResolutionRate)}[/] ({Figures.Count(m.ResolvedAtFirstContact)} of {Figures.Count(m.ResolvedWithKnownContacts)} resolved), reopened {Figures.Count(s.Reopened)}, never answered {Figures.Count(m.NeverAnswered)}");
        console.MarkupLine($"SLA breaches (CheckSlaAsync): first response [bold]{Figures.Count(s.FirstResponseBreaches)}[/], resolution [bold]{Figures.Count(s.ResolutionBreaches)}[/] ({Figures.Count(r.SlaBreachEvents)} SlaBreached events)");

        var l = r.Loyalty;
        Section(console, "Loyalty club", "tiers on points earned in a rolling 12 months; expiry run as of the report date");
        var tiers = NewTable("Tier", "Members", "Share");
        foreach (var t in l.Tiers)
        {
            tiers.AddRow(Markup.Escape(t.Tier), Figures.Count(t.Members), Figures.Share(l.Members == 0 ? null : (double)t.Members / l.Members));
        }

        console.Write(tiers);
        console.MarkupLine($"Members [bold]{Figures.Count(l.Members)}[/]; points liability [bold]{Figures.Count(l.OutstandingPoints)}[/] points outstanding ({Figures.Count(l.ExpiringNext30Days)} expire within 30 days; the program defines no money value per point)");
        console.MarkupLine($"Earned {Figures.Count(l.Earned)}, redeemed {Figures.Count(l.Redeemed)}, expired {Figures.Count(l.Expired)}, refund clawbacks {Figures.Count(-l.Reversed)}; redemption rate (redeemed / earned) [bold]{Figures.Share(l.RedemptionRate)}[/]");
        var referrals = r.ReferralRewards;
        console.MarkupLine($"Referral rewards: {Figures.Count(referrals.Attributed)} referred customers attributed ({Figures.Count(referrals.Rejected)} claims rejected by the abuse checks); [bold]{Figures.Count(referrals.Paid)}[/] referrals paid, {Figures.Count(referrals.Rewards)} rewards worth [bold]{Figures.Count(referrals.Points)}[/] points to referees and referrers");
    }
}
