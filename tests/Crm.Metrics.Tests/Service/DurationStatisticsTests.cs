using Crm.Metrics.Service;
using NodaTime;

namespace Crm.Metrics.Tests.Service;

public sealed class DurationStatisticsTests
{
    private static Duration[] Minutes(params int[] minutes) => minutes.Select(m => Duration.FromMinutes(m)).ToArray();

    [Fact]
    public void Percentile_OddCount_InterpolatesLinearly_Type7()
    {
        // Sorted 1, 2, 3, 4, 10 min. Median: h = 4 × 0.5 = 2 → x[2] = 3 min.
        // P90: h = 4 × 0.9 = 3.6 → 4 + 0.6 × (10 − 4) = 7.6 min = 7 min 36 s.
        var values = Minutes(10, 3, 1, 4, 2);

        DurationStatistics.Percentile(values, 0.5m).Should().Be(Duration.FromMinutes(3));
        DurationStatistics.Percentile(values, 0.9m).Should().Be(Duration.FromSeconds(456));
    }

    [Fact]
    public void Percentile_EvenCount_InterpolatesBetweenTheMiddleValues()
    {
        // 1, 2, 3, 4 min: median h = 1.5 → 2.5 min; P90 h = 2.7 → 3.7 min = 222 s.
        var values = Minutes(4, 1, 3, 2);

        DurationStatistics.Percentile(values, 0.5m).Should().Be(Duration.FromSeconds(150));
        DurationStatistics.Percentile(values, 0.9m).Should().Be(Duration.FromSeconds(222));
    }

    [Fact]
    public void Percentile_ZeroAndOne_AreTheMinimumAndMaximum()
    {
        var values = Minutes(7, 3, 9);

        DurationStatistics.Percentile(values, 0m).Should().Be(Duration.FromMinutes(3));
        DurationStatistics.Percentile(values, 1m).Should().Be(Duration.FromMinutes(9));
    }

    [Fact]
    public void Percentile_HalfANanosecond_RoundsAwayFromZero()
        => DurationStatistics.Percentile([Duration.Zero, Duration.FromNanoseconds(1)], 0.5m).Should().Be(Duration.FromNanoseconds(1));

    [Fact]
    public void Percentile_Empty_IsNull()
        => DurationStatistics.Percentile([], 0.5m).Should().BeNull();

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Percentile_OutsideZeroToOne_Throws(double p)
    {
        var act = () => DurationStatistics.Percentile(Minutes(1), (decimal)p);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "p");
    }

    [Fact]
    public void Percentile_Null_Throws()
    {
        var act = () => DurationStatistics.Percentile(null!, 0.5m);

        act.Should().Throw<ArgumentNullException>();
    }
}
