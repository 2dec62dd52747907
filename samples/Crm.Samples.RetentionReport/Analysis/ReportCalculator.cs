using System.Globalization;
using Crm.Metrics;
using Crm.Metrics.Analysis;
using Crm.Metrics.Clv;
using Crm.Metrics.Periods;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>
/// The one place the report's figures are computed: one streaming pass over the purchases with Crm.Metrics'
/// <see cref="PurchaseAnalysis"/>, then the BG/NBD and Gamma-Gamma fits on the model inputs it yields.
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

    /// <summary>The options of the one-pass analysis for <paramref name="settings"/>.</summary>
    public static PurchaseAnalysisOptions Options(ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new PurchaseAnalysisOptions(settings.Zone, settings.CalibrationEnd, settings.TimeUnit, settings.HasHoldout ? settings.ObservationEnd : null)
        {
            ConversionWindowDays = SecondPurchaseWindowDays,
            RetentionPeriodUnit = PeriodUnit.Quarter,
            InactivityWindow = InactivityWindow,
            CohortUnit = PeriodUnit.Month,
            ParetoTopFraction = 0.2,
        };
    }

    /// <summary>Computes the report over <paramref name="purchases"/>, read once.</summary>
    /// <param name="purchases">Every purchase row; those after the calibration end count only as rows read (and in the holdout data).</param>
    /// <param name="settings">Zone, end dates and time unit.</param>
    /// <param name="cancellationToken">Stops the pass between rows.</param>
    public static ReportFigures Calculate(IEnumerable<Purchase<string>> purchases, ReportSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var analysis = PurchaseAnalysis.Calculate(Cancellable(purchases, cancellationToken), Options(settings), Keys, Keys);
        var inputs = analysis.Models;
        var revenueByCustomer = analysis.Pareto.Ranked.ToDictionary(c => c.Customer, c => c.Amount, Keys);
        var bgnbd = inputs.PurchaseHistories.Count == 0 ? null : BgNbdModel.Fit(inputs.PurchaseHistories);
        var gammaGamma = inputs.GammaGammaCustomers == 0 ? null : GammaGammaModel.Fit(inputs.SpendHistories);
        return new ReportFigures
        {
            Settings = settings,
            Transactions = analysis.Counts.RowsRead,
            Customers = (int)analysis.Customers,
            Revenue = analysis.Revenue,
            RepeatCustomerShare = Value(analysis.Repeat.RepeatCustomerShare),
            SecondPurchaseShare = Value(analysis.Repeat.SecondPurchaseConversion),
            ParetoTop20RevenueShare = Value(analysis.ParetoTopShare.Share),
            ParetoTopCustomers = analysis.ParetoTopShare.TopCustomers,
            Quarters = [.. analysis.Retention.Where(p => p.IsComplete).TakeLast(Quarters).Select(QuarterOf)],
            Segments = [.. analysis.RfmSegments.Where(s => s.Customers > 0).OrderByDescending(s => s.Customers).ThenBy(s => s.Segment).Select(s => new SegmentSize(s.Segment, s.Customers, s.Share.GetValueOrDefault()))],
            Cohorts = [.. analysis.Cohorts.Cohorts.Select(row => new CohortFigures(
                row.AcquisitionPeriod.Dates.Start.ToString("uuuu-MM", CultureInfo.InvariantCulture), row.Customers, [.. row.ActiveShares.Select(s => s.GetValueOrDefault())]))],
            BgNbd = bgnbd is null ? null : Estimate(bgnbd.Diagnostics, bgnbd.LogLikelihood, bgnbd.Customers, bgnbd.Converged, bgnbd.Model.R, bgnbd.Model.Alpha, bgnbd.Model.A, bgnbd.Model.B),
            GammaGamma = gammaGamma is null ? null : Estimate(gammaGamma.Diagnostics, gammaGamma.LogLikelihood, gammaGamma.Customers, gammaGamma.Converged, gammaGamma.Model.P, gammaGamma.Model.Q, gammaGamma.Model.Gamma),
            Holdout = bgnbd is null || !settings.HasHoldout ? null : HoldoutOf(inputs.Summaries, bgnbd.Model, settings),
            Outlook = bgnbd is null ? [] : Outlook(inputs.Summaries, revenueByCustomer, bgnbd.Model, gammaGamma?.Model, settings),
        };
    }

    private static IEnumerable<Purchase<string>> Cancellable(IEnumerable<Purchase<string>> purchases, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var purchase in purchases)
        {
            if ((++rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return purchase;
        }
    }

    private static ModelEstimate Estimate(FitDiagnostics diagnostics, double logLikelihood, int customers, bool converged, params double[] estimates)
        => new([.. estimates.Select((e, i) => new ModelParameter(diagnostics.ParameterNames[i], e, diagnostics.StandardErrors[i]))], logLikelihood, customers, converged);

    /// <summary>The label of a calendar quarter: 2025-Q3.</summary>
    public static string QuarterLabel(ReportingPeriod quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        var start = quarter.Dates.Start;
        return string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}");
    }

    private static QuarterRetention QuarterOf(PeriodRetention period)
    {
        var r = period.Result;
        return new QuarterRetention(QuarterLabel(period.Period), r.StartCustomers, r.NewCustomers, r.EndCustomers, period.RetentionPercent, period.ChurnPercent);
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
        var year = 365.0 / settings.TimeUnit.Days;
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

    private static double? Value(MetricValue value) => value.TryGetValue(out var v) ? v : null;
}
