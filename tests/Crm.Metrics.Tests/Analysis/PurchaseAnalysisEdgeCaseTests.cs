using Crm.Metrics.Analysis;
using Crm.Metrics.Periods;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Tests.Analysis;

public sealed class PurchaseAnalysisEdgeCaseTests
{
    private static readonly LocalDate End = new(2024, 3, 31);

    private static PurchaseAnalysisOptions Options() => new(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Week);

    [Fact]
    public void EmptyInput_GivesExplicitUndefinedValues_NeverNaN()
    {
        var result = PurchaseAnalysis.Calculate(Array.Empty<Purchase<string>>(), Options());

        result.Customers.Should().Be(0);
        result.Revenue.Should().Be(0m);
        result.Counts.Should().Be(new PurchaseAnalysisCounts(0, 0, 0, 0, 0, 0));
        result.Repeat.RepeatCustomerShare.IsDefined.Should().BeFalse();
        result.Repeat.RepeatCustomerShare.UndefinedReason.Should().Contain("no customers");
        result.Repeat.SecondPurchaseConversion.IsDefined.Should().BeFalse();
        result.ParetoTopShare.Share.UndefinedReason.Should().Be("no customers");
        result.Cohorts.Cohorts.Should().BeEmpty();
        result.Cohorts.LastPeriod.Should().Be(ReportingPeriod.Month(2024, 3, DateTimeZone.Utc), "rows would run to the calibration end's month");
        result.Retention.Should().BeEmpty();
        result.Rfm.IsDefined.Should().BeFalse();
        result.RfmSegments.Should().OnlyContain(s => s.Customers == 0 && !s.Share.IsDefined);
        result.Models.PurchaseHistories.Should().BeEmpty();
    }

    [Fact]
    public void OnlyPurchasesAfterTheCalibrationEnd_LeaveEveryFigureEmpty_AndAreCounted()
    {
        var purchases = new[] { new Purchase<string>("a", new LocalDate(2024, 4, 2), 5m), new Purchase<string>("a", new LocalDate(2024, 4, 3), 5m) };

        var result = PurchaseAnalysis.Calculate(purchases, Options());

        result.Customers.Should().Be(0);
        result.Counts.AfterObservationEnd.Should().Be(2);
        result.Repeat.RepeatCustomerShare.IsDefined.Should().BeFalse();
    }

    [Fact]
    public void DateOnlyPurchase_KeepsItsDate_WhateverTheZone()
    {
        // An instant at 23:30 UTC on the calibration end is on the next day in Asia/Yerevan; a date-only purchase is not moved.
        var zone = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];
        var options = new PurchaseAnalysisOptions(zone, End, CustomerSummaryTimeUnit.Day);
        var purchases = new[]
        {
            new Purchase<string>("instant", Instant.FromUtc(2024, 3, 31, 23, 30), 10m),
            new Purchase<string>("date", End, 10m),
        };

        var result = PurchaseAnalysis.Calculate(purchases, options);

        result.Customers.Should().Be(1);
        result.Pareto.Ranked.Single().Customer.Should().Be("date");
        result.Counts.AfterObservationEnd.Should().Be(1);
    }

    [Fact]
    public void NegativeAmount_IsRefused_AndChangesNothing()
    {
        var accumulator = new PurchaseAnalysisAccumulator<string>(Options());
        accumulator.Add(new Purchase<string>("a", new LocalDate(2024, 1, 1), 5m));

        var act = () => accumulator.Add(new Purchase<string>("a", new LocalDate(2024, 1, 2), -1m));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "item");
        var result = accumulator.GetResult();
        result.Counts.RowsRead.Should().Be(1);
        result.Revenue.Should().Be(5m);
    }

    [Fact]
    public void AmountOverflow_IsRefused_AndChangesNothing()
    {
        var accumulator = new PurchaseAnalysisAccumulator<string>(Options());
        accumulator.Add(new Purchase<string>("a", new LocalDate(2024, 1, 1), decimal.MaxValue));

        var act = () => accumulator.Add(new Purchase<string>("a", new LocalDate(2024, 1, 2), decimal.MaxValue));

        act.Should().Throw<ArgumentOutOfRangeException>();
        var result = accumulator.GetResult();
        result.Counts.RowsRead.Should().Be(1);
        result.Repeat.Counts.RowsRead.Should().Be(1);
        result.Cohorts.Counts.RowsRead.Should().Be(1);
        result.Repeat.RepeatCustomers.Should().Be(0);
    }

    [Fact]
    public void Merge_WithOtherOptions_Throws()
    {
        var act = () => new PurchaseAnalysisAccumulator<string>(Options()).Merge(new PurchaseAnalysisAccumulator<string>(new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day)));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Fact]
    public void Merge_WithItself_Throws()
    {
        var accumulator = new PurchaseAnalysisAccumulator<string>(Options());

        var act = () => accumulator.Merge(accumulator);

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }
}
