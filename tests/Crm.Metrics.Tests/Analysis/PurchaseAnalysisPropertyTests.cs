using Crm.Metrics.Analysis;
using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using Crm.Metrics.Retention;
using Crm.Metrics.Rfm;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Analysis;

/// <summary>The one-pass analysis equals the separate calculators run on the same purchases with the same settings.</summary>
public sealed class PurchaseAnalysisPropertyTests
{
    private static readonly DateTimeZone[] Zones =
        [DateTimeZone.Utc, DateTimeZoneProviders.Tzdb["Europe/London"], DateTimeZoneProviders.Tzdb["Asia/Yerevan"], DateTimeZoneProviders.Tzdb["America/New_York"]];

    [Property(MaxTest = 60)]
    public bool OnePass_EqualsTheSeparateCalculators(int seed)
    {
        var (purchases, options) = Case(seed);
        var result = PurchaseAnalysis.Calculate(purchases, options);
        var zone = options.Zone;
        var window = options.CalibrationWindow;

        var repeat = RepeatPurchase.Calculate(purchases, window, options.ConversionWindowDays);
        var pareto = ParetoAnalysis.Calculate(purchases, window);
        var cohorts = CohortAnalysis.Calculate(purchases, options.CohortUnit, window);
        var fromStart = purchases.Where(p => options.Start is not { } s || p.DateIn(zone) >= s).ToList();
        var summaries = new CustomerSummaryBuilder<int>(options.Summary).AddRange(fromStart).GetResult();
        var calibration = fromStart.Where(p => p.DateIn(zone) <= options.CalibrationEnd).ToList();

        // Retention: each period on its own, every calibration purchase taken at the start of its day in the zone.
        var asDays = calibration.Select(p => new Purchase<int>(p.Customer, p.DateIn(zone), p.Amount)).ToList();
        var retentionMatches = result.Retention.All(row =>
            RetentionRate.FromPurchases(asDays, row.Period, options.EffectiveInactivityWindow) == row.Result);
        var periodsCover = calibration.Count == 0
            ? result.Retention.Count == 0
            : result.Retention[^1].Period.Dates.End == options.CalibrationEnd
              && result.Retention[0].Period.Dates.Start <= (options.Start ?? calibration.Min(p => p.DateIn(zone)))
              && result.Retention.Zip(result.Retention.Skip(1)).All(pair => pair.First.Period.Dates.End.PlusDays(1) == pair.Second.Period.Dates.Start);

        // RFM: recency in days to the calibration end, purchase days and revenue, worked out the obvious way.
        var inputs = calibration.GroupBy(p => p.Customer).Select(g =>
        {
            var days = g.Select(p => p.DateIn(zone)).Distinct().ToList();
            return new RfmScoringInput<int>(g.Key, Period.DaysBetween(days.Max(), options.CalibrationEnd), days.Count, g.Sum(p => p.Amount));
        });
        var scores = RfmScoring.Score(inputs);
        var rfmMatches = scores.Customers == result.Rfm.Customers
                         && scores.Rows.All(r => result.Rfm.TryGetScores(r.Customer, out var s) && s == r.Scores)
                         && result.RfmSegments.Sum(s => s.Customers) == scores.Customers;

        return result.Repeat == repeat
               && result.Pareto.Ranked.SequenceEqual(pareto.Ranked) && result.Pareto.Counts == pareto.Counts
               && result.ParetoTopShare == pareto.TopShare(options.ParetoTopFraction)
               && result.Cohorts == cohorts
               && result.Models.Summaries.Customers.SequenceEqual(summaries.Customers)
               && retentionMatches && periodsCover && rfmMatches
               && result.Customers == calibration.Select(p => p.Customer).Distinct().Count()
               && result.Revenue == calibration.Sum(p => p.Amount)
               && result.Counts.RowsRead == purchases.Count
               && result.Counts.InCalibration == calibration.Count
               && result.Counts.BeforeStart == purchases.Count - fromStart.Count
               && result.Counts.RowsRead == result.Counts.InCalibration + result.Counts.BeforeStart + result.Counts.InHoldout + result.Counts.AfterObservationEnd;
    }

    [Property(MaxTest = 40)]
    public bool MergedPartitions_AndAnyOrder_EqualTheWhole(int seed)
    {
        var (purchases, options) = Case(seed);
        var whole = PurchaseAnalysis.Calculate(purchases, options);
        var merged = Partitions.MergeAll<PurchaseAnalysisAccumulator<int>, Purchase<int>, PurchaseAnalysisResult<int>>(purchases, seed, () => new PurchaseAnalysisAccumulator<int>(options));
        var shuffled = PurchaseAnalysis.Calculate(Partitions.Shuffle(purchases, seed), options);
        return Same(whole, merged) && Same(whole, shuffled);
    }

    [Property(MaxTest = 20)]
    public bool Async_EqualsSync(int seed)
    {
        var (purchases, options) = Case(seed);
        var sync = PurchaseAnalysis.Calculate(purchases, options);
        var async = PurchaseAnalysis.CalculateAsync(purchases.ToAsyncEnumerable(), options).AsTask().GetAwaiter().GetResult();
        return Same(sync, async);
    }

    private static bool Same(PurchaseAnalysisResult<int> a, PurchaseAnalysisResult<int> b)
        => a.Counts == b.Counts && a.Repeat == b.Repeat && a.Cohorts == b.Cohorts && a.ParetoTopShare == b.ParetoTopShare
           && a.Pareto.Ranked.SequenceEqual(b.Pareto.Ranked) && a.Retention.SequenceEqual(b.Retention)
           && a.RfmSegments.SequenceEqual(b.RfmSegments) && a.Models.Summaries.Customers.SequenceEqual(b.Models.Summaries.Customers);

    // Random purchases (some date-only), a random zone, calibration end, holdout, start, units and window.
    private static (List<Purchase<int>> Purchases, PurchaseAnalysisOptions Options) Case(int seed)
    {
        var random = new Random(seed);
        var purchases = RandomPurchases.Generate(seed, maxCount: 150, customers: 20)
            .Select(p => random.Next(3) == 0 ? new Purchase<int>(p.Customer, p.At!.Value.InUtc().Date, p.Amount) : p)
            .ToList();
        var origin = new LocalDate(2023, 1, 1);
        var calibrationEnd = origin.PlusDays(random.Next(30, 730));
        LocalDate? observationEnd = random.Next(2) == 0 ? null : calibrationEnd.PlusDays(random.Next(1, 200));
        LocalDate? start = random.Next(2) == 0 ? null : calibrationEnd.PlusDays(-random.Next(0, 500));
        var units = new[] { PeriodUnit.IsoWeek, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.Year };
        var options = new PurchaseAnalysisOptions(Zones[random.Next(Zones.Length)], calibrationEnd, random.Next(2) == 0 ? CustomerSummaryTimeUnit.Day : CustomerSummaryTimeUnit.Week, observationEnd, start)
        {
            ConversionWindowDays = random.Next(1, 120),
            RetentionPeriodUnit = units[random.Next(units.Length)],
            InactivityWindow = random.Next(2) == 0 ? null : Period.FromDays(random.Next(1, 200)),
            CohortUnit = units[random.Next(1, units.Length)],
            ParetoTopFraction = random.Next(1, 101) / 100.0,
        };
        return (purchases, options);
    }
}
