using Crm.Samples.RetentionReport.Analysis;
using Spectre.Console;

namespace Crm.Samples.RetentionReport.Output;

/// <summary>Prints the report to a console with Spectre.Console: a summary, then one table per section.</summary>
internal static partial class TextReport
{
    /// <summary>How many months after acquisition the console's cohort matrix shows (the HTML report shows them all).</summary>
    public const int CohortMonthsShown = 12;

    /// <summary>Writes the report to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, ReportDocument report)
    {
        var f = report.Figures;
        console.Write(new Rule("[bold]CrmCore retention report[/]").LeftJustified());
        console.MarkupLineInterpolated($"[grey]{report.Source}[/]");
        console.Write(Summary(report));
        console.WriteLine();

        Section(console, "Retention and churn by quarter", "(E − N) / S × 100; a customer is active for 6 months after a purchase");
        var quarters = NewTable("Quarter", "S (start)", "N (new)", "E (end)", "Retention", "Churn");
        foreach (var q in f.Quarters)
        {
            quarters.AddRow(q.Quarter, Figures.Count(q.StartCustomers), Figures.Count(q.NewCustomers), Figures.Count(q.EndCustomers), Figures.Percentage(q.RetentionPercentage), Figures.Percentage(q.ChurnPercentage));
        }

        console.Write(quarters);

        Section(console, "RFM segments", "quintile scores on recency, frequency (purchase days) and revenue");
        var segments = NewTable("Segment", "Customers", "Share");
        foreach (var s in f.Segments)
        {
            segments.AddRow(s.Segment.ToString(), Figures.Count(s.Customers), Figures.Share(s.Share));
        }

        console.Write(segments);

        Section(console, "Monthly cohorts", $"share of each cohort buying in month k after the first purchase (%), months 0–{CohortMonthsShown}");
        console.Write(Cohorts(f));

        Section(console, "Predictive models", $"fitted on the calibration period; time unit: {UnitName(f.Settings)}");
        console.Write(Models(f));
        if (f.Holdout is { } holdout)
        {
            console.MarkupLine($"Holdout check {holdout.From:uuuu-MM-dd} – {holdout.To:uuuu-MM-dd}: BG/NBD predicted [bold]{Figures.Money(holdout.PredictedPurchaseDays)}[/] purchase days of the calibration customers, they made [bold]{Figures.Count(holdout.ActualPurchaseDays)}[/].");
        }

        Section(console, "Highest predicted CLV", $"12 months, 1 % a month discount; P(alive) and expected purchase days in the next 12 months");
        var clv = NewTable("Customer", "Purchase days", "Revenue", "P(alive)", "Expected purchases", "CLV");
        foreach (var o in report.TopClv)
        {
            clv.AddRow(Markup.Escape(report.Label(o.Customer)), Figures.Count(o.PurchaseDays), Figures.Money(o.Revenue), Figures.Probability(o.ProbabilityAlive), Figures.Money(o.ExpectedPurchases), Figures.Money(o.Clv));
        }

        console.Write(clv);

        Section(console, "Most at risk", $"repeat customers with P(alive) < {ReportDocument.AtRiskBelow:0.0}, highest revenue first");
        var risk = NewTable("Customer", "Revenue", "Days since last purchase", "P(alive)");
        foreach (var o in report.AtRisk)
        {
            risk.AddRow(Markup.Escape(report.Label(o.Customer)), Figures.Money(o.Revenue), Figures.Count(o.DaysSinceLastPurchase), Figures.Probability(o.ProbabilityAlive));
        }

        console.Write(risk);

        if (report.Referrals is { } referrals)
        {
            Section(console, "Top referrers", "read back from the referral store in SQLite");
            var top = NewTable("Referrer", "Direct", "Indirect");
            foreach (var r in referrals.TopReferrers)
            {
                top.AddRow(Markup.Escape(report.Label(r.Customer)), Figures.Count(r.Direct), Figures.Count(r.Indirect));
            }

            console.Write(top);
            console.MarkupLine($"[bold]Golden referral chain[/] ({referrals.GoldenChain.Count - 1} referrals): {Markup.Escape(string.Join(" → ", referrals.GoldenChain.Select(report.Label)))}");
        }

        if (report.Relationship is { } relationship)
        {
            WriteRelationship(console, relationship);
        }
    }

    private static Grid Summary(ReportDocument report)
    {
        var f = report.Figures;
        var s = f.Settings;
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned()).AddColumn().AddColumn(new GridColumn().RightAligned());
        grid.AddRow("[grey]Calibration end[/]", s.CalibrationEnd.ToString("uuuu-MM-dd", null), "[grey]As of[/]", s.ObservationEnd.ToString("uuuu-MM-dd", null));
        grid.AddRow("[grey]Time zone[/]", Markup.Escape(s.Zone.Id), "[grey]Model time unit[/]", UnitName(s));
        grid.AddRow("[bold]Customers[/]", Figures.Count(f.Customers), "[bold]Transactions read[/]", Figures.Count(f.Transactions));
        grid.AddRow("[bold]Revenue[/]", Figures.Money(f.Revenue), "[bold]Repeat-purchase rate[/]", Figures.Share(f.RepeatCustomerShare));
        grid.AddRow("[bold]Second purchase ≤ 90 days[/]", Figures.Share(f.SecondPurchaseShare), $"[bold]Top 20 % of customers[/] ({Figures.Count(f.ParetoTopCustomers)})", Figures.Share(f.ParetoTop20RevenueShare) + " of revenue");
        return grid;
    }

    private static Table Cohorts(ReportFigures f)
    {
        var months = Math.Min(CohortMonthsShown, f.Cohorts.Count == 0 ? 0 : f.Cohorts.Max(c => c.Active.Count) - 1);
        var table = NewTable(["Cohort", "Size", .. Enumerable.Range(0, months + 1).Select(k => $"M{k}")]);
        foreach (var c in f.Cohorts)
        {
            table.AddRow([c.Cohort, Figures.Count(c.Size), .. Enumerable.Range(0, months + 1).Select(k => k < c.Active.Count ? (c.Active[k] * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)]);
        }

        return table;
    }

    private static Table Models(ReportFigures f)
    {
        var table = NewTable("Model", "Parameter", "Estimate", "Std. error", "Log-likelihood", "Customers");
        void Add(string name, ModelEstimate? model)
        {
            if (model is null)
            {
                table.AddRow(name, "—", "not fitted: too few customers", string.Empty, string.Empty, string.Empty);
                return;
            }

            for (var i = 0; i < model.Parameters.Count; i++)
            {
                var p = model.Parameters[i];
                table.AddRow(i == 0 ? name : string.Empty, p.Name, Figures.Estimate(p.Estimate), Figures.Estimate(p.StandardError),
                    i == 0 ? Figures.LogLikelihood(model.LogLikelihood) : string.Empty, i == 0 ? Figures.Count(model.Customers) + (model.Converged ? string.Empty : " (not converged)") : string.Empty);
            }
        }

        Add("BG/NBD", f.BgNbd);
        Add("Gamma-Gamma", f.GammaGamma);
        return table;
    }

    private static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (column, i) in columns.Select((c, i) => (c, i)))
        {
            table.AddColumn(i == 0 ? new TableColumn(column) : new TableColumn(column).RightAligned());
        }

        return table;
    }

    private static void Section(IAnsiConsole console, string title, string note)
    {
        console.WriteLine();
        console.MarkupLine($"[bold underline]{Markup.Escape(title)}[/] [grey]{Markup.Escape(note)}[/]");
    }

    private static string UnitName(ReportSettings settings) => settings.TimeUnit.Days == 7 ? "week" : "day";
}
