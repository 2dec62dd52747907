using Crm.Metrics.Feedback;
using Crm.Samples.RetentionReport.Analysis;

namespace Crm.Samples.RetentionReport.Output;

internal static partial class Charts
{
    /// <summary>NPS per quarter with its 95 % interval; a quarter without answers is left out of the line.</summary>
    public static string NpsTrend(NpsTrend trend)
    {
        var plot = NewPlot("NPS by quarter", "quarter", "NPS (−100 to 100)");
        var points = trend.Points.Select((p, i) => (Index: i, p.Result)).Where(p => p.Result.Score.IsDefined).ToArray();
        if (points.Length > 0)
        {
            var xs = points.Select(p => (double)p.Index).ToArray();
            var line = plot.Add.Scatter(xs, points.Select(p => p.Result.Score.Value).ToArray());
            line.LineWidth = 2;
            line.LegendText = "NPS";
            var lower = plot.Add.Scatter(xs, points.Select(p => p.Result.Lower.Value).ToArray());
            var upper = plot.Add.Scatter(xs, points.Select(p => p.Result.Upper.Value).ToArray());
            foreach (var bound in new[] { lower, upper })
            {
                bound.LinePattern = ScottPlot.LinePattern.Dashed;
                bound.MarkerSize = 0;
                bound.Color = line.Color.WithAlpha(0.5);
            }

            lower.LegendText = "95 % interval";
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, [.. points.Select(p => ReportCalculator.QuarterLabel(trend.Points[p.Index].Period))]);
            plot.Add.HorizontalLine(0, color: ScottPlot.Colors.Gray);
            plot.ShowLegend();
        }

        return Svg(plot);
    }
}
