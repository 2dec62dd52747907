using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using Crm.Metrics.Retention;
using Crm.Metrics.Rfm;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests;

/// <summary>Partitioning by customer on several threads gives exactly the sequential result, over an array, a span and a sequence.</summary>
public sealed class ParallelAccumulationExtensionsTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    // 20,000 purchases by 2,000 customers: several 4,096-purchase batches per worker, so the threads really run.
    private static List<Purchase<int>> Log(int seed, int count = 20_000, int customers = 2_000)
    {
        var random = new Random(seed);
        var origin = Instant.FromUtc(2023, 1, 1, 0, 0);
        return [.. Enumerable.Range(0, count).Select(_ => new Purchase<int>(random.Next(customers), origin + Duration.FromMinutes(random.Next(2 * 365 * 24 * 60)), random.Next(10_000) / 100m))];
    }

    public static TheoryData<string, int> Inputs()
    {
        var data = new TheoryData<string, int>();
        foreach (var input in new[] { "array", "span", "sequence" })
        {
            foreach (var workers in new[] { 1, 2, 3, 4 })
            {
                data.Add(input, workers);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CustomerSummary_InParallel_EqualsOnePass(string input, int workers)
    {
        var purchases = Log(workers);
        var options = new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 3, 31), CustomerSummaryTimeUnit.Week, new LocalDate(2024, 9, 30));
        var expected = new CustomerSummaryBuilder<int>(options).AddRange(purchases).GetResult();

        var actual = Feed(new CustomerSummaryBuilder<int>(options), purchases, () => new CustomerSummaryBuilder<int>(options), input, workers).GetResult();

        actual.Customers.Should().Equal(expected.Customers);
        actual.RowsRead.Should().Be(expected.RowsRead);
        actual.PurchasesAfterObservationEnd.Should().Be(expected.PurchasesAfterObservationEnd);
        actual.CustomersFirstSeenInHoldout.Should().Be(expected.CustomersFirstSeenInHoldout);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Cohorts_InParallel_EqualOnePass(string input, int workers)
    {
        var purchases = Log(workers);
        var expected = new CohortAccumulator<int>(PeriodUnit.Month, London).AddRange(purchases).GetResult();

        var actual = Feed(new CohortAccumulator<int>(PeriodUnit.Month, London), purchases, () => new CohortAccumulator<int>(PeriodUnit.Month, London), input, workers).GetResult();

        actual.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ActivityRetention_InParallel_EqualsOnePass(string input, int workers)
    {
        var purchases = Log(workers);
        var period = ReportingPeriod.Quarter(2024, 2, London);
        var window = Period.FromDays(90);
        var expected = new ActivityRetentionAccumulator<int>(period, window).AddRange(purchases).GetResult();

        var actual = Feed(new ActivityRetentionAccumulator<int>(period, window), purchases, () => new ActivityRetentionAccumulator<int>(period, window), input, workers).GetResult();

        actual.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void RepeatPurchase_InParallel_EqualsOnePass(string input, int workers)
    {
        var purchases = Log(workers);
        var expected = new RepeatPurchaseAccumulator<int>(London, 60).AddRange(purchases).GetResult();

        var actual = Feed(new RepeatPurchaseAccumulator<int>(London, 60), purchases, () => new RepeatPurchaseAccumulator<int>(London, 60), input, workers).GetResult();

        actual.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Pareto_InParallel_EqualsOnePass(string input, int workers)
    {
        var purchases = Log(workers);
        var expected = new ParetoAccumulator<int>().AddRange(purchases).GetResult();

        var actual = Feed(new ParetoAccumulator<int>(), purchases, () => new ParetoAccumulator<int>(), input, workers).GetResult();

        actual.Ranked.Should().Equal(expected.Ranked);
    }

    [Property(MaxTest = 20)]
    public bool CustomerSummary_InParallel_WithAnyKeysAndDegree_EqualsOnePass(int seed, byte degree)
    {
        var purchases = RandomPurchases.Generate(seed, maxCount: 12_000, customers: 1 + (seed & 0x3ff));
        var options = new CustomerSummaryOptions(London, new LocalDate(2024, 6, 30), CustomerSummaryTimeUnit.Day);
        var expected = new CustomerSummaryBuilder<int>(options).AddRange(purchases).GetResult();
        var actual = new CustomerSummaryBuilder<int>(options)
            .AddRangeInParallel(purchases.Select(p => p), () => new CustomerSummaryBuilder<int>(options), 1 + (degree % 5))
            .GetResult();
        return actual.Customers.SequenceEqual(expected.Customers);
    }

    [Fact]
    public void CustomerSummary_OverAnArrayLargeEnoughForSeveralPartitionsPerWorker_EqualsOnePass()
    {
        var purchases = Log(11, count: 250_000, customers: 30_000).ToArray();
        var options = new CustomerSummaryOptions(London, new LocalDate(2024, 3, 31), CustomerSummaryTimeUnit.Day, new LocalDate(2024, 9, 30));
        var expected = new CustomerSummaryBuilder<int>(options).AddRange(purchases).GetResult();

        var actual = new CustomerSummaryBuilder<int>(options).AddRangeInParallel(purchases, () => new CustomerSummaryBuilder<int>(options), 2).GetResult();

        actual.Customers.Should().Equal(expected.Customers);
    }

    [Fact]
    public void Pareto_OverAnArrayOfMoreThanOneChunk_EqualsOnePass()
    {
        var purchases = Log(12, count: 1_200_000, customers: 50_000).ToArray();
        var expected = new ParetoAccumulator<int>().AddRange(purchases).GetResult();

        var actual = new ParetoAccumulator<int>().AddRangeInParallel(purchases, () => new ParetoAccumulator<int>(), 2).GetResult();

        actual.Ranked.Should().Equal(expected.Ranked);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("sequence")]
    public void CustomerSummary_AddedToAndMergedAfterTheParallelEntryPoint_EqualsOnePass(string input)
    {
        var purchases = Log(21, count: 60_000, customers: 5_000);
        var more = Log(22, count: 5_000, customers: 6_000);
        var options = new CustomerSummaryOptions(London, new LocalDate(2024, 3, 31), CustomerSummaryTimeUnit.Day, new LocalDate(2024, 9, 30));
        var expected = new CustomerSummaryBuilder<int>(options).AddRange(purchases).AddRange(more).AddRange(more).GetResult();

        var parallel = Feed(new CustomerSummaryBuilder<int>(options), purchases, () => new CustomerSummaryBuilder<int>(options), input, 2);
        var other = new CustomerSummaryBuilder<int>(options).AddRange(more);
        other.Merge(Feed(new CustomerSummaryBuilder<int>(options), purchases, () => new CustomerSummaryBuilder<int>(options), input, 2));
        parallel.AddRange(more);
        parallel.AddRange(more);
        other.AddRange(more);

        parallel.GetResult().Customers.Should().Equal(expected.Customers);
        other.GetResult().Customers.Should().Equal(expected.Customers);
    }

    [Fact]
    public void CustomerSummary_IntoATargetHoldingCustomers_EqualsOnePass()
    {
        var before = Log(23, count: 5_000, customers: 3_000);
        var purchases = Log(24, count: 60_000, customers: 5_000).ToArray();
        var options = new CustomerSummaryOptions(London, new LocalDate(2024, 9, 30), CustomerSummaryTimeUnit.Day);
        var expected = new CustomerSummaryBuilder<int>(options).AddRange(before).AddRange(purchases).GetResult();

        var target = new CustomerSummaryBuilder<int>(options).AddRange(before);
        var actual = target.AddRangeInParallel(purchases, () => new CustomerSummaryBuilder<int>(options), 2).GetResult();

        actual.Customers.Should().Equal(expected.Customers);
        actual.RowsRead.Should().Be(expected.RowsRead);
    }

    [Fact]
    public void CustomerSummary_PartitionedWithAnotherKeyEquality_EqualsOnePass()
    {
        var purchases = Log(25, count: 40_000, customers: 2_000).Select(p => new Purchase<string>(p.Customer % 2 == 0 ? $"c{p.Customer}" : $"C{p.Customer - 1}", p.At!.Value, p.Amount)).ToArray();
        var options = new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 9, 30), CustomerSummaryTimeUnit.Day);
        var expected = new CustomerSummaryBuilder<string>(options, StringComparer.OrdinalIgnoreCase).AddRange(purchases).GetResult();

        var actual = new CustomerSummaryBuilder<string>(options, StringComparer.OrdinalIgnoreCase)
            .AddRangeInParallel(purchases, () => new CustomerSummaryBuilder<string>(options, StringComparer.OrdinalIgnoreCase), 2, StringComparer.Ordinal)
            .GetResult();

        actual.Customers.Select(c => (c.Frequency, c.MonetaryValue, c.FirstPurchaseDate)).Should().Equal(expected.Customers.Select(c => (c.Frequency, c.MonetaryValue, c.FirstPurchaseDate)));
    }

    [Theory]
    [InlineData("array")]
    [InlineData("sequence")]
    public void Cohorts_AddedToAndMergedAfterTheParallelEntryPoint_EqualOnePass(string input)
    {
        var purchases = Log(26, count: 60_000, customers: 5_000);
        var more = Log(27, count: 5_000, customers: 6_000);
        var expected = new CohortAccumulator<int>(PeriodUnit.Month, London).AddRange(purchases).AddRange(more).AddRange(more).GetResult();

        var parallel = Feed(new CohortAccumulator<int>(PeriodUnit.Month, London), purchases, () => new CohortAccumulator<int>(PeriodUnit.Month, London), input, 2);
        var other = new CohortAccumulator<int>(PeriodUnit.Month, London).AddRange(more);
        other.Merge(Feed(new CohortAccumulator<int>(PeriodUnit.Month, London), purchases, () => new CohortAccumulator<int>(PeriodUnit.Month, London), input, 2));
        parallel.AddRange(more);
        parallel.AddRange(more);
        other.AddRange(more);

        parallel.GetResult().Should().Be(expected);
        other.GetResult().Should().Be(expected);
    }

    [Fact]
    public void Cohorts_OfWeeksOverMoreThanFiveYears_InParallel_EqualOnePass()
    {
        var random = new Random(28);
        var origin = Instant.FromUtc(2015, 1, 1, 0, 0);
        var purchases = Enumerable.Range(0, 40_000)
            .Select(_ => new Purchase<int>(random.Next(3_000), origin + Duration.FromMinutes(random.Next(9 * 365 * 24 * 60)), random.Next(10_000) / 100m))
            .ToArray();
        var expected = new CohortAccumulator<int>(PeriodUnit.IsoWeek, London).AddRange(purchases).GetResult();

        var actual = new CohortAccumulator<int>(PeriodUnit.IsoWeek, London).AddRangeInParallel(purchases, () => new CohortAccumulator<int>(PeriodUnit.IsoWeek, London), 2).GetResult();

        actual.Should().Be(expected);
        actual.Cohorts[0].ActiveCustomers.Count.Should().BeGreaterThan(256, "the periods span more than the dense tallies hold");
    }

    [Fact]
    public void AnInvalidPurchase_IsRethrownAsIs_FromAnyThread()
    {
        var purchases = Log(7);
        purchases.Add(new Purchase<int>(3, Instant.FromUtc(2024, 1, 1, 0, 0), -1m));
        purchases.AddRange(Log(8));
        var options = new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 9, 30), CustomerSummaryTimeUnit.Day);

        foreach (var input in new[] { "array", "span", "sequence" })
        {
            var act = () => Feed(new CustomerSummaryBuilder<int>(options), purchases, () => new CustomerSummaryBuilder<int>(options), input, 2);

            act.Should().Throw<ArgumentOutOfRangeException>(input).WithMessage("*must not be negative*");
        }
    }

    [Fact]
    public void CreatePartial_ReturningTheTarget_Throws()
    {
        var target = new ParetoAccumulator<int>();

        var act = () => target.AddRangeInParallel(Log(1).ToArray(), () => target, 2);

        act.Should().Throw<InvalidOperationException>().WithMessage("*new, empty accumulator*");
    }

    private static TSelf Feed<TSelf, TResult>(IMetricAccumulator<TSelf, Purchase<int>, TResult> target, List<Purchase<int>> purchases, Func<TSelf> create, string input, int workers)
        where TSelf : IMetricAccumulator<TSelf, Purchase<int>, TResult>
        => input switch
        {
            "array" => target.AddRangeInParallel(purchases.ToArray(), create, workers),
            "span" => target.AddRangeInParallel(new ReadOnlySpan<Purchase<int>>([.. purchases]), create, workers),
            _ => target.AddRangeInParallel(purchases.Select(p => p), create, workers),
        };
}
