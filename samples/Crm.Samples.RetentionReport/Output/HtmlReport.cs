using System.Globalization;
using System.Net;
using System.Text;
using Crm.Samples.RetentionReport.Analysis;

namespace Crm.Samples.RetentionReport.Output;

/// <summary>
/// Writes the report as one self-contained HTML page: the same figures as the console report plus inline SVG
/// charts. No script, no external style sheet, font or image: it opens offline in any browser.
/// </summary>
/// <remarks>Each headline figure carries a <c>data-figure</c> attribute naming the JSON field it shows, so tests and tools can find it.</remarks>
internal static partial class HtmlReport
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
        h1 { margin-bottom: .2rem; } .note { color: #666; font-size: .9rem; }
        table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .9rem; }
        th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: .75rem; margin: 1rem 0; }
        .card { border: 1px solid #ddd; border-radius: 6px; padding: .6rem .8rem; }
        .card .value { font-size: 1.4rem; font-weight: 600; } .card .label { color: #666; font-size: .85rem; }
        .chart svg { max-width: 100%; height: auto; } .chart image { image-rendering: pixelated; }
        .cohorts { overflow-x: auto; } .cohorts td { font-size: .75rem; padding: .15rem .3rem; }
        """;

    /// <summary>Writes the page to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(string path, ReportDocument report)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, Render(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The page's markup.</summary>
    public static string Render(ReportDocument report)
    {
        var f = report.Figures;
        var s = f.Settings;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CrmCore retention report</title>");
        html.Append("<style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>CrmCore retention report</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(report.Source)} · calibration end {s.CalibrationEnd:uuuu-MM-dd} · as of {s.ObservationEnd:uuuu-MM-dd} · time zone {E(s.Zone.Id)} · model time unit: {(s.TimeUnit.Days == 7 ? "week" : "day")}</p>\n");

        html.Append("<h2>Summary</h2><div class=\"cards\">");
        Card(html, "customers", "Customers", Figures.Count(f.Customers));
        Card(html, "transactions", "Transactions read", Figures.Count(f.Transactions));
        Card(html, "revenue", "Revenue", Figures.Money(f.Revenue));
        Card(html, "repeatCustomerShare", "Repeat-purchase rate", Figures.Share(f.RepeatCustomerShare));
        Card(html, "secondPurchaseShare", "Second purchase within 90 days", Figures.Share(f.SecondPurchaseShare));
        Card(html, "paretoTop20RevenueShare", $"Revenue from the top 20 % ({Figures.Count(f.ParetoTopCustomers)} customers)", Figures.Share(f.ParetoTop20RevenueShare));
        html.Append("</div>\n");

        html.Append("<h2>Retention and churn by quarter</h2><p class=\"note\">(E − N) / S × 100, a customer being active for 6 months after a purchase.</p>");
        Table(html, ["Quarter", "S (start)", "N (new)", "E (end)", "Retention", "Churn"],
            f.Quarters.Select(q => new[] { q.Quarter, Figures.Count(q.StartCustomers), Figures.Count(q.NewCustomers), Figures.Count(q.EndCustomers), Figures.Percentage(q.RetentionPercentage), Figures.Percentage(q.ChurnPercentage) }));
        Chart(html, "retention-curve", Charts.RetentionCurve(f.Cohorts));

        html.Append("<h2>Monthly cohorts</h2><p class=\"note\">Share of each cohort (customers by the month of their first purchase) buying in month k after it, %.</p>");
        Chart(html, "cohort-heatmap", Charts.CohortHeatmap(f.Cohorts));
        var months = f.Cohorts.Count == 0 ? 0 : f.Cohorts.Max(c => c.Active.Count);
        html.Append("<div class=\"cohorts\">");
        Table(html, ["Cohort", "Size", .. Enumerable.Range(0, months).Select(k => $"M{k}")],
            f.Cohorts.Select(c => new[] { c.Cohort, Figures.Count(c.Size) }.Concat(Enumerable.Range(0, months).Select(k => k < c.Active.Count ? (c.Active[k] * 100).ToString("0.0", CultureInfo.InvariantCulture) : string.Empty)).ToArray()));
        html.Append("</div>\n");

        html.Append("<h2>RFM segments</h2>");
        Table(html, ["Segment", "Customers", "Share"], f.Segments.Select(x => new[] { x.Segment.ToString(), Figures.Count(x.Customers), Figures.Share(x.Share) }));

        html.Append("<h2>Predictive models</h2><p class=\"note\">Maximum-likelihood fits on the calibration period, with asymptotic standard errors.</p>");
        Models(html, "BG/NBD", "bgnbd", f.BgNbd);
        Models(html, "Gamma-Gamma", "gammaGamma", f.GammaGamma);
        if (f.Holdout is { } holdout)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>Holdout check</h3><p>From {holdout.From:uuuu-MM-dd} to {holdout.To:uuuu-MM-dd} the BG/NBD fit predicted <span data-figure=\"holdout.predicted\">{Figures.Money(holdout.PredictedPurchaseDays)}</span> purchase days of the calibration customers; they made <span data-figure=\"holdout.actual\">{Figures.Count(holdout.ActualPurchaseDays)}</span>.</p>");
        }

        html.Append("<h2>Customer lifetime value</h2><p class=\"note\">12 months ahead, 1 % a month discount, each expected purchase valued at the Gamma-Gamma expected spend.</p>");
        Chart(html, "clv-distribution", Charts.ClvDistribution(f.Outlook));
        Chart(html, "alive-recency", Charts.AliveAgainstRecency(f.Outlook));
        html.Append("<h3>Highest predicted CLV</h3>");
        Table(html, ["Customer", "Purchase days", "Revenue", "P(alive)", "Expected purchases (12 months)", "CLV"],
            report.TopClv.Select(o => new[] { report.Label(o.Customer), Figures.Count(o.PurchaseDays), Figures.Money(o.Revenue), Figures.Probability(o.ProbabilityAlive), Figures.Money(o.ExpectedPurchases), Figures.Money(o.Clv) }));
        html.Append(CultureInfo.InvariantCulture, $"<h3>Most at risk</h3><p class=\"note\">Repeat customers with P(alive) below {ReportDocument.AtRiskBelow:0.0}, highest revenue first.</p>");
        Table(html, ["Customer", "Revenue", "Days since last purchase", "P(alive)"],
            report.AtRisk.Select(o => new[] { report.Label(o.Customer), Figures.Money(o.Revenue), Figures.Count(o.DaysSinceLastPurchase), Figures.Probability(o.ProbabilityAlive) }));

        if (report.Referrals is { } referrals)
        {
            html.Append("<h2>Referrals</h2><h3>Top referrers</h3>");
            Table(html, ["Referrer", "Direct", "Indirect"], referrals.TopReferrers.Select(r => new[] { report.Label(r.Customer), Figures.Count(r.Direct), Figures.Count(r.Indirect) }));
            html.Append(CultureInfo.InvariantCulture, $"<h3>Golden referral chain</h3><p data-figure=\"goldenChain\">{E(string.Join(" → ", referrals.GoldenChain.Select(report.Label)))}</p>");
        }

        if (report.Relationship is { } relationship)
        {
            Relationship(html, relationship);
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string field, string label, string value)
        => html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"value\" data-figure=\"{field}\">{E(value)}</div><div class=\"label\">{E(label)}</div></div>");

    private static void Models(StringBuilder html, string title, string field, ModelEstimate? model)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(title)}</h3>");
        if (model is null)
        {
            html.Append("<p>Not fitted: too few customers.</p>");
            return;
        }

        Table(html, ["Parameter", "Estimate", "Std. error"], model.Parameters.Select(p => new[] { p.Name, Figures.Estimate(p.Estimate), Figures.Estimate(p.StandardError) }), $"{field}.");
        html.Append(CultureInfo.InvariantCulture, $"<p>Log-likelihood <span data-figure=\"{field}.logLikelihood\">{Figures.LogLikelihood(model.LogLikelihood)}</span> over <span data-figure=\"{field}.customers\">{Figures.Count(model.Customers)}</span> customers{(model.Converged ? string.Empty : " (the optimiser did not converge)")}.</p>");
    }

    // A table; with a figure prefix, each row's second cell is tagged "prefix" + the row's first cell (e.g. "bgnbd.r").
    private static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<string[]> rows, string? figurePrefix = null)
    {
        html.Append("<table><thead><tr>");
        foreach (var h in header)
        {
            html.Append("<th>").Append(E(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var tag = figurePrefix is not null && i == 1 ? $" data-figure=\"{E(figurePrefix + row[0])}\"" : string.Empty;
                html.Append("<td").Append(tag).Append('>').Append(E(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Chart(StringBuilder html, string id, string svg)
        => html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\" id=\"{id}\">{svg}</figure>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
