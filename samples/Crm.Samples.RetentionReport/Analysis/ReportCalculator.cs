using System.Globalization;
using Crm.Metrics;
using Crm.Metrics.Churn;
using Crm.Metrics.Clv;
using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using Crm.Metrics.Retention;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>
/// The one place the report's figures are computed: one streaming pass over the purchases feeds the Crm.Metrics
/// accumulators, then the models are fitted on the customer summaries.
/// </summary>
/// <remarks>
/// Memory is proportional to the customers, never to the rows: the purchases are read once and not kept.
/// Every figure but the rows read is taken over the calibration period (purchases on or before the calibration end in the zone).
/// </remarks>
internal static class ReportCalculator
{
    /// <summary>How many full calendar quarters, up to the calibration end, the retention table shows.</summary>
    public const int Quarters = 8;

    /// <summary>A customer counts as active until this long after a purchase (for retention by quarter).</summary>
    public static readonly Period InactivityWindow = Period.FromMonths(6);

    /// <summary>The window of the second-purchase rate, in days.</summary>
    public const int SecondPurchaseWindowDays = 90;

    /// <summary>The CLV horizon in months, each discounted at <see cref="MonthlyDiscountRate"/>.</summary>
    public const int ClvMonths = 12;

    /// <summary>The CLV discount rate per month.</summary>
    public const double MonthlyDiscountRate = 0.01;

    private static readonly StringComparer Keys = StringComparer.Ordinal;

    /// <summary>Computes the report over <paramref name="purchases"/>, read once.</summary>
    /// <param name="purchases">Every purchase row; those after the calibration end count only as rows read (and in the holdout summary).</param>
    /// <param name="settings">Zone, end dates and time unit.</param>
    /// <param name="cancellationToken">Stops the pass between rows.</param>
    public static ReportFigures Calculate(IEnumerable<Purchase<string>> purchases, ReportSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(settings);
        var zone = settings.Zone;
        var calibrationEnd = settings.CalibrationEndExclusive;
        var summaries = new CustomerSummaryBuilder<string>(settings.SummaryOptions, Keys);
        var pareto = new ParetoAccumulator<string>(Keys, Keys);
        var cohorts = new CohortAccumulator<string>(PeriodUnit.Month, zone, Keys);
        var repeat = new RepeatPurchaseAccumulator<string>(zone, SecondPurchaseWindowDays, settings.CalibrationEnd, Keys);
        var quarters = LastFullQuarters(settings).Select(q => new ActivityRetentionAccumulator<string>(q, InactivityWindow, Keys)).ToArray();

        long rows = 0;
        foreach (var purchase in purchases)
        {
            if ((++rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            summaries.Add(purchase);
            if (purchase.At >= calibrationEnd)
            {
                continue;
            }

            pareto.Add(purchase);
            cohorts.Add(purchase);
            repeat.Add(purchase);
            foreach (var quarter in quarters)
            {
                quarter.Add(purchase);
            }
        }

        var summary = summaries.GetResult();
        var ranked = pareto.GetResult();
        var top20 = ranked.TopShare(20);
        var revenueByCustomer = ranked.Ranked.ToDictionary(c => c.Customer, c => c.Amount, Keys);
        var bgnbd = FitBgNbd(summary);
        var gammaGamma = FitGammaGamma(summary);
        return new ReportFigures
        {
            Settings = settings,
            Transactions = rows,
            Customers = ranked.Customers,
            Revenue = ranked.TotalAmount,
            RepeatCustomerShare = summary.Customers.Count == 0 ? null : (double)summary.RepeatCustomers / summary.Customers.Count,
            SecondPurchaseShare = Fraction(repeat.GetResult().SecondPurchaseConversionPercentage),
            ParetoTop20RevenueShare = Fraction(top20.SharePercentage),
            ParetoTopCustomers = top20.TopCustomers,
            Quarters = [.. quarters.Select(q => QuarterOf(q.Period, q.GetResult()))],
            Segments = Segments(summary, revenueByCustomer, settings.CalibrationEnd),
            Cohorts = CohortRows(cohorts.GetResult(), settings),
            BgNbd = bgnbd is null ? null : Estimate(bgnbd.Diagnostics, bgnbd.LogLikelihood, bgnbd.Customers, bgnbd.Converged, bgnbd.Model.R, bgnbd.Model.Alpha, bgnbd.Model.A, bgnbd.Model.B),
            GammaGamma = gammaGamma is null ? null : Estimate(gammaGamma.Diagnostics, gammaGamma.LogLikelihood, gammaGamma.Customers, gammaGamma.Converged, gammaGamma.Model.P, gammaGamma.Model.Q, gammaGamma.Model.Gamma),
            Holdout = bgnbd is null || !settings.SummaryOptions.HasHoldout ? null : HoldoutOf(summary, bgnbd.Model, settings),
            Outlook = bgnbd is null ? [] : Outlook(summary, revenueByCustomer, bgnbd.Model, gammaGamma?.Model, settings),
        };
    }

    /// <summary>The <see cref="Quarters"/> full calendar quarters ending on or before the calibration end, oldest first.</summary>
    public static IReadOnlyList<ReportingPeriod> LastFullQuarters(ReportSettings settings)
    {
        var last = ReportingPeriod.Containing(settings.CalibrationEnd, PeriodUnit.Quarter, settings.Zone);
        if (last.Dates.End != settings.CalibrationEnd)
        {
            last = last.Previous();
        }

        return [.. Enumerable.Range(0, Quarters).Select(i => last.Offset(i - Quarters + 1))];
    }

    private static BgNbdFit? FitBgNbd(CustomerSummarySet<string> summary)
        => summary.Customers.Count == 0 ? null : BgNbdModel.Fit(summary.Customers.Select(PurchaseHistory.FromSummary));

    // Gamma-Gamma takes the customers with a repeat purchase day and a positive mean repeat spend (the others are outside its support).
    private static GammaGammaFit? FitGammaGamma(CustomerSummarySet<string> summary)
    {
        var spenders = summary.Customers.Where(c => c.Frequency > 0 && c.MonetaryValue > 0).Select(SpendHistory.FromSummary).ToList();
        return spenders.Count == 0 ? null : GammaGammaModel.Fit(spenders);
    }

    private static ModelEstimate Estimate(FitDiagnostics diagnostics, double logLikelihood, int customers, bool converged, params double[] estimates)
        => new([.. estimates.Select((e, i) => new ModelParameter(diagnostics.ParameterNames[i], e, diagnostics.StandardErrors[i]))], logLikelihood, customers, converged);

    private static QuarterRetention QuarterOf(ReportingPeriod quarter, RetentionResult result)
    {
        var start = quarter.Dates.Start;
        var label = string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}");
        return new QuarterRetention(label, result.StartCustomers, result.NewCustomers, result.EndCustomers, result.RetentionPercentage, ChurnRate.FromRetention(result).ChurnPercentage);
    }

    private static IReadOnlyList<CohortFigures> CohortRows(CohortMatrix matrix, ReportSettings settings)
    {
        var lastMonth = ReportingPeriod.Containing(settings.CalibrationEnd, PeriodUnit.Month, settings.Zone);
        return [.. matrix.Cohorts.Select(row =>
        {
            var months = row.AcquisitionPeriod.PeriodsUntil(lastMonth) + 1;
            var active = new double[months];
            for (var k = 0; k < months && k < row.ActiveCustomers.Count; k++)
            {
                active[k] = (double)row.ActiveCustomers[k] / row.Customers;
            }

            return new CohortFigures(row.AcquisitionPeriod.Dates.Start.ToString("uuuu-MM", CultureInfo.InvariantCulture), row.Customers, active);
        })];
    }

    private static IReadOnlyList<SegmentSize> Segments(CustomerSummarySet<string> summary, Dictionary<string, decimal> revenue, LocalDate calibrationEnd)
    {
        var scoring = new RfmScoringAccumulator<string>(RfmScoringTieRule.SharedScore, Keys, Keys);
        foreach (var customer in summary.Customers)
        {
            var recencyDays = Period.DaysBetween(customer.LastPurchaseDate, calibrationEnd);
            scoring.Add(new RfmScoringInput<string>(customer.Customer, recencyDays, customer.Frequency + 1, revenue[customer.Customer]));
        }

        var scores = scoring.GetResult();
        if (!scores.IsDefined)
        {
            return [];
        }

        var map = RfmSegmentMap.Default;
        return [.. scores.Rows
            .GroupBy(row => map.Classify(row.Scores))
            .Select(g => new SegmentSize(g.Key, g.LongCount(), (double)g.LongCount() / scores.Customers))
            .OrderByDescending(s => s.Customers)
            .ThenBy(s => s.Segment)];
    }

    private static HoldoutCheck HoldoutOf(CustomerSummarySet<string> summary, BgNbdModel bgnbd, ReportSettings settings)
    {
        var predicted = summary.Customers
            .Where(c => c.Holdout is not null)
            .Sum(c => Defined(() => bgnbd.ConditionalExpectedPurchases(c.Holdout!.Duration, PurchaseHistory.FromSummary(c))) ?? 0);
        return new HoldoutCheck(settings.CalibrationEnd.PlusDays(1), settings.ObservationEnd, summary.TotalHoldoutFrequency, predicted);
    }

    private static IReadOnlyList<CustomerOutlook> Outlook(
        CustomerSummarySet<string> summary, Dictionary<string, decimal> revenue, BgNbdModel bgnbd, GammaGammaModel? gammaGamma, ReportSettings settings)
    {
        var unit = settings.TimeUnit;
        var year = 365.0 / unit.Days;
        var month = year / 12;
        return [.. summary.Customers
            .Select(c =>
            {
                var history = PurchaseHistory.FromSummary(c);
                var expected = Defined(() => bgnbd.ConditionalExpectedPurchases(year, history));
                var clv = gammaGamma is null || expected is null
                    ? null
                    : Defined(() => Value(CustomerLifetimeValue.Discounted(bgnbd, gammaGamma, history, c.MonetaryValue, ClvMonths, month, MonthlyDiscountRate)));
                return new CustomerOutlook(
                    c.Customer,
                    c.Frequency + 1,
                    revenue[c.Customer],
                    Period.DaysBetween(c.LastPurchaseDate, settings.CalibrationEnd),
                    bgnbd.ProbabilityAlive(history),
                    expected,
                    clv);
            })
            .OrderByDescending(o => o.Clv ?? double.MinValue)
            .ThenBy(o => o.Customer, Keys)];
    }

    // The model's expectations use a hypergeometric series that Crm.Metrics refuses (ArgumentOutOfRangeException) where it
    // does not converge, which can happen with the extreme parameters of a fit on very few customers: the customer's
    // expectation is then shown as undefined rather than stopping the report.
    private static double? Defined(Func<double?> expectation)
    {
        try
        {
            return expectation();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static double? Fraction(MetricValue percentage) => percentage.TryGetValue(out var value) ? value / 100 : null;

    private static double? Value(MetricValue value) => value.TryGetValue(out var v) ? v : null;
}
