using System.Globalization;
using System.Text.RegularExpressions;
using Crm.Samples.RetentionReport.Tests.Support;

namespace Crm.Samples.RetentionReport.Tests.Output;

/// <summary>
/// The README's first command's HTML page opened in headless Chromium: the NPS, support and loyalty sections show what
/// the SQLite file holds, each figure recomputed here straight from its tables with SQL, and the NPS trend is drawn.
/// </summary>
[Collection(DemoRunGroup.Name)]
public sealed class DemoHtmlBrowserTests(DemoRun demo)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [ChromiumFact]
    public async Task The_nps_support_and_loyalty_figures_are_those_of_the_database()
    {
        var figures = HtmlFigures.Read(await DomAsync());

        // NPS over every stored NPS answer: 100 × (promoters − detractors) / answers.
        var answers = await ScalarAsync("SELECT count(*) FROM crm_feedback WHERE survey = 'Nps'");
        var promoters = await ScalarAsync("SELECT count(*) FROM crm_feedback WHERE survey = 'Nps' AND score >= 9");
        var detractors = await ScalarAsync("SELECT count(*) FROM crm_feedback WHERE survey = 'Nps' AND score <= 6");
        answers.Should().BeGreaterThan(500);
        figures["nps.responses"].Should().Be(answers.ToString("N0", Invariant));
        figures["nps.detractors"].Should().Be(detractors.ToString("N0", Invariant));
        figures["nps.score"].Should().Be((100.0 * (promoters - detractors) / answers).ToString("+0.0;−0.0;0.0", Invariant));
        figures["nps.detractorAlerts"].Should().Be((await ScalarAsync("SELECT count(*) FROM crm_outbox WHERE type_name = 'crm.interactions.detractor_alert'")).ToString("N0", Invariant))
            .And.Be(detractors.ToString("N0", Invariant), "every answer of 6 or less raised one alert");

        figures["service.cases"].Should().Be((await ScalarAsync("SELECT count(*) FROM crm_cases")).ToString("N0", Invariant));
        figures["service.slaBreaches.events"].Should().Be((await ScalarAsync("SELECT count(*) FROM crm_outbox WHERE type_name = 'crm.interactions.sla_breached'")).ToString("N0", Invariant));

        // The liability is the sum of the ledger; members are the contacts with an entry.
        figures["loyalty.pointsOutstanding"].Should().Be((await ScalarAsync("SELECT sum(points) FROM crm_loyalty_entries")).ToString("N0", Invariant));
        figures["loyalty.members"].Should().Be((await ScalarAsync("SELECT count(DISTINCT contact_id) FROM crm_loyalty_entries")).ToString("N0", Invariant));
        var earned = await ScalarAsync("SELECT sum(points) FROM crm_loyalty_entries WHERE kind = 'Earn'");
        var redeemed = -await ScalarAsync("SELECT sum(points) FROM crm_loyalty_entries WHERE kind = 'Redeem'");
        redeemed.Should().BeGreaterThan(0);
        figures["loyalty.redemptionRate"].Should().Be((100.0 * redeemed / earned).ToString("0.0", Invariant) + " %");
        figures["loyalty.pointsExpired"].Should().Be((-await ScalarAsync("SELECT sum(points) FROM crm_loyalty_entries WHERE kind = 'Expire'")).ToString("N0", Invariant));

        // Referral rewards: every paid referral wrote two ReferralRewardPaid events (referee and referrer, no chain
        // rewards configured) and paid 25 + 50 points; attribution binds at most one referrer per referred customer.
        var rewardEvents = await ScalarAsync("SELECT count(*) FROM crm_outbox WHERE type_name = 'crm.loyalty.referral_reward_paid'");
        rewardEvents.Should().BeGreaterThan(0).And.Match(n => n % 2 == 0);
        figures["loyalty.referralRewards.paid"].Should().Be((rewardEvents / 2).ToString("N0", Invariant));
        figures["loyalty.referralRewards.points"].Should().Be((rewardEvents / 2 * 75).ToString("N0", Invariant));
        var referred = await ScalarAsync("SELECT count(DISTINCT referee_id) FROM crm_referrals");
        figures["loyalty.referralRewards.attributed"].Should().Be((await ScalarAsync("SELECT count(*) FROM crm_loyalty_referrals")).ToString("N0", Invariant));
        (await ScalarAsync("SELECT count(*) FROM crm_loyalty_referrals")).Should().BeGreaterThanOrEqualTo(rewardEvents / 2).And.BeLessThanOrEqualTo(referred);
    }

    [ChromiumFact]
    public async Task The_nps_trend_is_an_inline_svg_with_a_line_per_quarter()
    {
        var dom = await DomAsync();

        foreach (var heading in new[] { "NPS", "Support cases", "Loyalty club" })
        {
            dom.Should().Contain($"<h2>{heading}</h2>");
        }

        var figure = Regex.Match(dom, "<figure class=\"chart\" id=\"nps-trend\">(.*?)</figure>", RegexOptions.Singleline);
        figure.Success.Should().BeTrue("the page has the NPS trend chart");
        figure.Groups[1].Value.Should().StartWith("<svg").And.Contain("2024-Q1").And.Contain("2025-Q4");
        Regex.Count(figure.Groups[1].Value, "<(path|ellipse|rect)\\b").Should().BeGreaterThan(10, "the chart draws the line, its interval and axes");
    }

    private Task<string> DomAsync()
    {
        demo.Run.ExitCode.Should().Be(0, demo.Run.Error);
        return Chromium.DumpDomAsync(Path.Combine(demo.Output, "retention-report.html"));
    }

    private Task<long> ScalarAsync(string sql) => SqliteFile.ScalarAsync(Path.Combine(demo.Output, "crm.db"), sql);
}
