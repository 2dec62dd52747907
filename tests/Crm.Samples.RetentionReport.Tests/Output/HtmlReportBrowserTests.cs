using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Samples.RetentionReport.Tests.Support;

namespace Crm.Samples.RetentionReport.Tests.Output;

/// <summary>The HTML report opened in a real browser (headless Chromium): it shows the sections, the same figures as the JSON, and four drawn charts, with nothing loaded from a network.</summary>
public sealed partial class HtmlReportBrowserTests : IDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-report-html-");

    public void Dispose() => _folder.Delete(recursive: true);

    [ChromiumFact]
    public async Task The_page_shows_every_section_the_json_figures_and_four_drawn_charts()
    {
        var (json, dom) = await RenderAsync();

        dom.Should().Contain("<h1>CrmCore retention report</h1>");
        foreach (var heading in new[] { "Summary", "Retention and churn by quarter", "Monthly cohorts", "RFM segments", "Predictive models", "Customer lifetime value" })
        {
            dom.Should().Contain($"<h2>{heading}</h2>");
        }

        var figures = HtmlFigures.Read(dom);
        figures["customers"].Should().Be(json.GetProperty("customers").GetInt32().ToString("N0", Invariant));
        figures["transactions"].Should().Be(json.GetProperty("transactions").GetInt32().ToString("N0", Invariant));
        figures["revenue"].Should().Be(json.GetProperty("revenue").GetDecimal().ToString("N2", Invariant));
        figures["repeatCustomerShare"].Should().Be(Share(json.GetProperty("repeatCustomerShare").GetDouble()));
        figures["paretoTop20RevenueShare"].Should().Be(Share(json.GetProperty("paretoTop20RevenueShare").GetDouble()));
        foreach (var (model, parameters) in new[] { ("bgnbd", new[] { "r", "alpha", "a", "b" }), ("gammaGamma", new[] { "p", "q", "gamma" }) })
        {
            foreach (var parameter in parameters)
            {
                figures[$"{model}.{parameter}"].Should().Be(json.GetProperty(model).GetProperty(parameter).GetDouble().ToString("0.0000", Invariant));
            }

            figures[$"{model}.logLikelihood"].Should().Be(json.GetProperty(model).GetProperty("logLikelihood").GetDouble().ToString("0.00", Invariant));
        }

        figures["gammaGamma.customers"].Should().Be(json.GetProperty("gammaGamma").GetProperty("customers").GetInt32().ToString(Invariant));
    }

    [ChromiumFact]
    public async Task Each_chart_is_an_inline_svg_with_drawn_marks()
    {
        var (_, dom) = await RenderAsync();

        foreach (var chart in new[] { "retention-curve", "cohort-heatmap", "clv-distribution", "alive-recency" })
        {
            var figure = Regex.Match(dom, $"<figure class=\"chart\" id=\"{chart}\">(.*?)</figure>", RegexOptions.Singleline);
            figure.Success.Should().BeTrue($"the page has the {chart} chart");
            var svg = figure.Groups[1].Value;
            svg.Should().StartWith("<svg");
            Regex.Count(svg, "<(path|ellipse|rect|image)\\b").Should().BeGreaterThan(10, $"the {chart} chart draws marks, axes and labels");
            svg.Should().Contain("<text", $"the {chart} chart is labelled");
        }
    }

    [ChromiumFact]
    public async Task The_page_loads_nothing_from_outside_itself()
    {
        var (_, dom) = await RenderAsync();

        dom.Should().NotContain("<script").And.NotContain("<link").And.NotContain("@import").And.NotContain("url(http");
        Regex.Matches(dom, "(?:src|href)=\"(?!data:|#)[^\"]*\"").Should().BeEmpty("every image and style is inline");
    }

    private static string Share(double value) => (value * 100).ToString("0.0", Invariant) + " %";

    private async Task<(JsonElement Json, string Dom)> RenderAsync()
    {
        var html = Path.Combine(_folder.FullName, "report.html");
        var run = await SampleProcess.RunAsync(["--transactions", SampleProcess.Data("transactions.csv"), "--as-of", "2024-04-30", "--calibration-end", "2024-03-31", "--format", "json", "--html", html]);
        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return (json.RootElement.Clone(), await Chromium.DumpDomAsync(html));
    }
}
