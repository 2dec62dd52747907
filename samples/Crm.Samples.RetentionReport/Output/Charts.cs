using System.Text.RegularExpressions;
using Crm.Samples.RetentionReport.Analysis;
using ScottPlot;

namespace Crm.Samples.RetentionReport.Output;

/// <summary>
/// The report's charts, drawn with ScottPlot and returned as SVG markup to inline in the HTML page (no image files, no
/// script, no network).
/// </summary>
internal static partial class Charts
{
    private const int Width = 720;
    private const int Height = 380;

    /// <summary>The most points the P(alive) scatter draws; larger bases are thinned evenly (every k-th customer).</summary>
    public const int MaxScatterPoints = 3000;

    /// <summary>The cohort matrix as a heatmap: one row per cohort, one column per month since acquisition.</summary>
    public static string CohortHeatmap(IReadOnlyList<CohortFigures> cohorts)
    {
        var plot = NewPlot("Monthly cohorts: share buying in month k", "months since the first purchase", "cohort");
        var months = cohorts.Count == 0 ? 1 : cohorts.Max(c => c.Active.Count);
        var data = new double[Math.Max(1, cohorts.Count), months];
        for (var i = 0; i < cohorts.Count; i++)
        {
            for (var k = 0; k < months; k++)
            {
                // Month 0 is 100 % by definition: shown blank so the colour scale spreads over the later months.
                data[i, k] = k == 0 || k >= cohorts[i].Active.Count ? double.NaN : cohorts[i].Active[k] * 100;
            }
        }

        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = "% of the cohort";
        var step = Math.Max(1, cohorts.Count / 12);
        var ticks = Enumerable.Range(0, cohorts.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ticks.Select(i => (double)(cohorts.Count - 1 - i))], [.. ticks.Select(i => cohorts[i].Cohort)]);
        return Svg(plot);
    }

    /// <summary>The retention curve: the share of customers buying in month k after acquisition, over the cohorts that reached month k, weighted by size.</summary>
    public static string RetentionCurve(IReadOnlyList<CohortFigures> cohorts)
    {
        var plot = NewPlot("Retention curve", "months since the first purchase", "% of customers buying that month");
        var curve = RetentionCurvePoints(cohorts);
        var line = plot.Add.Scatter(curve.Select(p => (double)p.Month).ToArray(), curve.Select(p => p.Share * 100).ToArray());
        line.LineWidth = 2;
        plot.Axes.SetLimitsY(0, Math.Max(1, curve.Count == 0 ? 1 : curve.Max(p => p.Share * 100) * 1.1));
        return Svg(plot);
    }

    /// <summary>The points of <see cref="RetentionCurve"/> from month 1 on: month and size-weighted share (0–1).</summary>
    public static IReadOnlyList<(int Month, double Share)> RetentionCurvePoints(IReadOnlyList<CohortFigures> cohorts)
    {
        var months = cohorts.Count == 0 ? 0 : cohorts.Max(c => c.Active.Count);
        var points = new List<(int, double)>();
        for (var k = 1; k < months; k++)
        {
            var reached = cohorts.Where(c => c.Active.Count > k).ToArray();
            var size = reached.Sum(c => (double)c.Size);
            points.Add((k, reached.Sum(c => c.Active[k] * c.Size) / size));
        }

        return points;
    }

    /// <summary>A histogram of the predicted 12-month CLV, up to the 99th percentile (the long tail would flatten it).</summary>
    public static string ClvDistribution(IReadOnlyList<CustomerOutlook> outlook)
    {
        var plot = NewPlot("Predicted 12-month CLV", "CLV (up to the 99th percentile)", "customers");
        var values = outlook.Where(o => o.Clv is not null).Select(o => o.Clv!.Value).Order().ToArray();
        if (values.Length > 0)
        {
            var top = values[(int)Math.Floor(0.99 * (values.Length - 1))];
            const int bins = 40;
            var width = Math.Max(top, 1e-9) / bins;
            var counts = new double[bins];
            foreach (var v in values.Where(v => v <= top))
            {
                counts[Math.Min(bins - 1, (int)(v / width))]++;
            }

            var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(i => (i + 0.5) * width).ToArray(), counts);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width * 0.9;
            }
        }

        return Svg(plot);
    }

    /// <summary>P(alive) against the days since the last purchase, one point per customer (thinned to <see cref="MaxScatterPoints"/>).</summary>
    public static string AliveAgainstRecency(IReadOnlyList<CustomerOutlook> outlook)
    {
        var plot = NewPlot("P(alive) against recency", "days since the last purchase", "P(alive)");
        var step = Math.Max(1, (int)Math.Ceiling(outlook.Count / (double)MaxScatterPoints));
        var sample = outlook.Where((_, i) => i % step == 0).ToArray();
        var points = plot.Add.ScatterPoints(sample.Select(o => (double)o.DaysSinceLastPurchase).ToArray(), sample.Select(o => o.ProbabilityAlive).ToArray());
        points.MarkerSize = 3;
        plot.Axes.SetLimitsY(0, 1.05);
        return Svg(plot);
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    // ScottPlot's SVG starts with an XML declaration (not allowed inside HTML) and writes glyph positions as "x, " lists
    // with a trailing separator, which browsers reject; both are tidied so the markup inlines cleanly.
    private static string Svg(Plot plot)
    {
        var svg = plot.GetSvgXml(Width, Height);
        svg = XmlDeclaration().Replace(svg, string.Empty);
        return TrailingSeparator().Replace(svg, "$1\"");
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"((?:x|y)=""[^""]*?),\s*""")]
    private static partial Regex TrailingSeparator();
}
