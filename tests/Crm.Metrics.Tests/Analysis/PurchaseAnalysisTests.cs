using Crm.Metrics.Analysis;
using Crm.Metrics.Periods;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Tests.Analysis;

public sealed class PurchaseAnalysisTests
{
    private static readonly DateTimeZone Utc = DateTimeZone.Utc;

    private static Purchase<string> P(string customer, int year, int month, int day, decimal amount)
        => new(customer, Instant.FromUtc(year, month, day, 12, 0), amount);

    // Calibration 2024-01-01 … 2024-03-31, holdout to 2024-04-30 (see the comments on each row).
    private static readonly Purchase<string>[] Sample =
    [
        P("old", 2023, 12, 20, 50m),                          // before the start
        P("a", 2024, 1, 10, 10m), P("a", 2024, 1, 10, 20m),   // one purchase day of 30
        P("a", 2024, 2, 15, 30m),
        P("a", 2024, 4, 5, 40m),                              // holdout
        P("b", 2024, 1, 20, 100m),
        P("c", 2024, 2, 1, 0m), P("c", 2024, 2, 20, 0m),      // a repeat buyer whose mean repeat spend is 0
        new("d", new LocalDate(2024, 3, 31), 60m),            // date-only, on the calibration end
        P("e", 2024, 4, 10, 5m),                              // first seen in the holdout
        P("f", 2024, 5, 2, 7m),                               // after the observation end
    ];

    private static PurchaseAnalysisOptions Options() => new(Utc, new LocalDate(2024, 3, 31), CustomerSummaryTimeUnit.Day, new LocalDate(2024, 4, 30), new LocalDate(2024, 1, 1))
    {
        ConversionWindowDays = 30,
        RetentionPeriodUnit = PeriodUnit.Month,
    };

    [Fact]
    public void Summary_CountsEveryRowAndEveryExclusionByItsReason()
    {
        var result = PurchaseAnalysis.Calculate(Sample, Options());

        result.Customers.Should().Be(4, "a, b, c and d bought in the calibration period");
        result.Revenue.Should().Be(220m);
        result.Counts.Should().Be(new PurchaseAnalysisCounts(RowsRead: 11, InCalibration: 7, BeforeStart: 1, InHoldout: 2, AfterObservationEnd: 1, CustomersFirstSeenInHoldout: 1));
        result.Counts.AfterCalibrationEnd.Should().Be(3);
    }

    [Fact]
    public void Repeat_CountsPurchaseDays_AndGivesFractions()
    {
        var repeat = PurchaseAnalysis.Calculate(Sample, Options()).Repeat;

        repeat.RepeatCustomers.Should().Be(2, "a and c bought on two days; a's two orders of 10 January are one day");
        repeat.RepeatCustomerShare.Value.Should().Be(0.5);
        repeat.RepeatCustomerSharePercent.Value.Should().Be(50);
        repeat.EligibleFirstTimeBuyers.Should().Be(3, "d's 30-day window runs past the calibration end");
        repeat.ConvertedFirstTimeBuyers.Should().Be(1, "c came back after 19 days, a after 36");
        repeat.SecondPurchaseConversion.Value.Should().BeApproximately(1.0 / 3, 1e-15);
        repeat.ObservationEnd.Should().Be(new LocalDate(2024, 3, 31));
        repeat.Counts.Should().Be(new PurchaseCounts(11, 7, 1, 3));
    }

    [Fact]
    public void Pareto_TopTwentyPercentIsTheCeilingOfOneFifthOfTheCustomers()
    {
        var result = PurchaseAnalysis.Calculate(Sample, Options());

        result.Pareto.Ranked.Select(r => (r.Customer, r.Amount)).Should().Equal(("b", 100m), ("a", 60m), ("d", 60m), ("c", 0m));
        result.ParetoTopShare.TopCustomers.Should().Be(1, "⌈0.2 × 4⌉ = 1");
        result.ParetoTopShare.Share.Value.Should().BeApproximately(100.0 / 220, 1e-15);
    }

    [Fact]
    public void Cohorts_RunToTheMonthOfTheCalibrationEnd_WithFractions()
    {
        var cohorts = PurchaseAnalysis.Calculate(Sample, Options()).Cohorts;

        cohorts.LastPeriod.Should().Be(ReportingPeriod.Month(2024, 3, Utc));
        cohorts.Cohorts.Select(c => c.Customers).Should().Equal(2L, 1L, 1L);
        cohorts.Cohorts[0].ActiveShares.Select(s => s.Value).Should().Equal(1, 0.5, 0);
        cohorts.Cohorts[0].Revenue.Should().Equal(130m, 30m, 0m);
        cohorts.Cohorts[1].ActiveShares.Select(s => s.Value).Should().Equal(1, 0);
        cohorts.Cohorts[2].ActiveShares.Select(s => s.Value).Should().Equal(1);
    }

    [Fact]
    public void Retention_ByMonth_FollowsTheSeedFormula()
    {
        var rows = PurchaseAnalysis.Calculate(Sample, Options()).Retention;

        rows.Select(r => r.Period).Should().Equal(ReportingPeriod.Month(2024, 1, Utc), ReportingPeriod.Month(2024, 2, Utc), ReportingPeriod.Month(2024, 3, Utc));
        rows.Should().OnlyContain(r => r.IsComplete);

        // January: nobody before it; a and b join and are still active on 1 February (one month from 10 and 20 January).
        (rows[0].Result.StartCustomers, rows[0].Result.NewCustomers, rows[0].Result.EndCustomers, rows[0].Result.RetainedCustomers).Should().Be((0L, 2L, 2L, 0L));
        rows[0].Retention.IsDefined.Should().BeFalse();
        rows[0].Churn.UndefinedReason.Should().Contain("S = 0");

        // February: S = {a, b}; c joins; on 1 March a (15 Feb) and c (20 Feb) are active, b (20 Jan) is not.
        (rows[1].Result.StartCustomers, rows[1].Result.NewCustomers, rows[1].Result.EndCustomers, rows[1].Result.RetainedCustomers).Should().Be((2L, 1L, 2L, 1L));
        rows[1].Retention.Value.Should().Be(0.5, "(E − N) / S = (2 − 1) / 2");
        rows[1].RetentionPercent.Value.Should().Be(50);
        rows[1].Churn.Value.Should().Be(0.5);

        // March: S = {a, c}; d joins on the 31st; on 1 April only d is active.
        (rows[2].Result.StartCustomers, rows[2].Result.NewCustomers, rows[2].Result.EndCustomers, rows[2].Result.RetainedCustomers).Should().Be((2L, 1L, 1L, 0L));
        rows[2].Retention.Value.Should().Be(0);
        rows[2].ChurnPercent.Value.Should().Be(100);
    }

    [Fact]
    public void Retention_LastPeriodIsCutAtTheCalibrationEnd()
    {
        var options = new PurchaseAnalysisOptions(Utc, new LocalDate(2024, 2, 15), CustomerSummaryTimeUnit.Week);

        var rows = PurchaseAnalysis.Calculate(Sample, options).Retention;

        // Quarters by default, from the quarter of the first purchase (20 December 2023, no start given) to the calibration end.
        rows.Select(r => r.Period).Should().Equal(ReportingPeriod.Quarter(2023, 4, Utc), ReportingPeriod.Custom(new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 15), Utc));
        rows.Select(r => r.IsComplete).Should().Equal(true, false);

        // With the default window of one quarter: old (20 Dec) is active on 1 January; a, b and c join; all four are active on 16 February.
        (rows[1].Result.StartCustomers, rows[1].Result.NewCustomers, rows[1].Result.EndCustomers, rows[1].Result.RetainedCustomers).Should().Be((1L, 3L, 4L, 1L));
        rows[1].Retention.Value.Should().Be(1);
    }

    [Fact]
    public void Rfm_SegmentSizes_FromRecencyPurchaseDaysAndRevenue()
    {
        var result = PurchaseAnalysis.Calculate(Sample, Options());

        // Recency (days to 31 March) a 45, b 71, c 40, d 0; purchase days 2, 1, 2, 1; revenue 60, 100, 0, 60.
        result.Rfm.TryGetScores("a", out var a).Should().BeTrue();
        a.Should().Be(new RfmScores(2, 3, 2));
        result.RfmSegments.Where(s => s.Customers > 0).Select(s => (s.Segment, s.Customers)).Should().BeEquivalentTo(
            [(RfmSegment.AtRisk, 2L), (RfmSegment.AboutToSleep, 1L), (RfmSegment.PotentialLoyalists, 1L)]);
        result.RfmSegments.Should().HaveCount(Enum.GetValues<RfmSegment>().Length);
        result.RfmSegments.Single(s => s.Segment == RfmSegment.AtRisk).Share.Value.Should().Be(0.5);
    }

    [Fact]
    public void Models_GiveFrequencyRecencyAgeAndMeanRepeatSpend_AndSplitTheGammaGammaExclusions()
    {
        var models = PurchaseAnalysis.Calculate(Sample, Options()).Models;

        models.Summaries.TryGetCustomer("a", out var a).Should().BeTrue();
        (a!.Frequency, a.Recency, a.Age, a.MonetaryValue).Should().Be((1, 36.0, 81.0, 30m));
        a.Holdout!.Frequency.Should().Be(1);
        a.Holdout.MonetaryValue.Should().Be(40m);
        models.PurchaseHistories.Should().HaveCount(4);
        models.OneTimeBuyers.Should().Be(2, "b and d");
        models.ZeroSpendRepeatBuyers.Should().Be(1, "c");
        models.GammaGammaCustomers.Should().Be(1, "a");
    }

    [Fact]
    public void PackageReadmeQuickStart_PrintsWhatItSays()
    {
        // src/Crm.Metrics/README.md
        Purchase<string>[] purchases = [new("ann", new LocalDate(2024, 1, 5), 30m), new("ann", new LocalDate(2024, 2, 9), 20m), new("bob", new LocalDate(2024, 1, 20), 50m)];
        var report = PurchaseAnalysis.Calculate(purchases, new PurchaseAnalysisOptions(DateTimeZone.Utc, new LocalDate(2024, 3, 31), CustomerSummaryTimeUnit.Week));

        Crm.Metrics.Retention.RetentionRate.FromCounts(20, 5, 24).Retention.ToString().Should().Be("0.95");
        report.Repeat.RepeatCustomerShare.ToString().Should().Be("0.5");
        report.ParetoTopShare.Share.ToString().Should().Be("0.5");
    }
}
