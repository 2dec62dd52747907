using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Tests;

/// <summary>Two decimal.MaxValue purchases of one customer on one day: a named error, and the accumulator unchanged.</summary>
public sealed class AmountOverflowTests
{
    private static readonly Instant Day = Instant.FromUtc(2024, 3, 1, 10, 0);

    private static void AssertRefusedAndUnchanged<TAcc, TResult>(TAcc accumulator, Func<TAcc, TResult> result)
        where TAcc : IMetricAccumulator<TAcc, Purchase<long>, TResult>
    {
        accumulator.Add(new Purchase<long>(1, Day, decimal.MaxValue));
        var before = result(accumulator);
        FluentActions.Invoking(() => accumulator.Add(new Purchase<long>(1, Day + Duration.FromHours(1), decimal.MaxValue)))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*would exceed the largest decimal*").Which.ParamName.Should().Be("item");
        result(accumulator).Should().BeEquivalentTo(before, "a refused purchase changes nothing");
    }

    [Fact]
    public void CustomerSummaryBuilder_Overflow_IsNamed_AndChangesNothing()
        => AssertRefusedAndUnchanged(
            new CustomerSummaryBuilder<long>(new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 12, 31), CustomerSummaryTimeUnit.Day)),
            b => b.GetResult());

    [Fact]
    public void RepeatPurchaseAccumulator_Overflow_IsNamed_AndChangesNothing()
        => AssertRefusedAndUnchanged(new RepeatPurchaseAccumulator<long>(DateTimeZone.Utc), a => a.GetResult());

    [Fact]
    public void ParetoAccumulator_Overflow_IsNamed_AndChangesNothing()
        => AssertRefusedAndUnchanged(new ParetoAccumulator<long>(), a => a.GetResult());

    [Fact]
    public void CohortAccumulator_Overflow_IsNamed_AndChangesNothing()
        => AssertRefusedAndUnchanged(new CohortAccumulator<long>(PeriodUnit.Month, DateTimeZone.Utc), a => a.GetResult());
}
