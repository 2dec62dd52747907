using Crm.Metrics.Feedback;
using Crm.Metrics.Periods;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Feedback;

public sealed class NpsTrendAccumulatorTests
{
    private static readonly DateTimeZone Yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];

    [Fact]
    public void GetResult_GroupsAnswersByPeriodInTheZone_AndShowsGaps()
    {
        var trend = new NpsTrendAccumulator(PeriodUnit.Month, Yerevan).AddRange(
        [
            new NpsResponse(Instant.FromUtc(2024, 3, 10, 12, 0), 10),
            new NpsResponse(Instant.FromUtc(2024, 3, 31, 23, 30), 0), // 1 April 03:30 in Yerevan (UTC+4)
            new NpsResponse(Instant.FromUtc(2024, 6, 1, 8, 0), 9),
        ]).GetResult();

        trend.Points.Select(p => p.Period).Should().Equal(
            ReportingPeriod.Month(2024, 3, Yerevan),
            ReportingPeriod.Month(2024, 4, Yerevan),
            ReportingPeriod.Month(2024, 5, Yerevan),
            ReportingPeriod.Month(2024, 6, Yerevan));
        trend.Points[0].Result.Score.Value.Should().Be(100);
        trend.Points[1].Result.Score.Value.Should().Be(-100);
        trend.Points[2].Result.Score.IsDefined.Should().BeFalse();
        trend.Points[3].Result.Score.Value.Should().Be(100);
        trend.Overall.Responses.Should().Be(3);
        trend.Overall.Score.Value.Should().BeApproximately(100.0 / 3, 1e-9);
    }

    [Fact]
    public void GetResult_IsoWeeks_UseTheIsoWeekYear()
    {
        // Monday 30 December 2024 is in ISO week 1 of 2025.
        var trend = new NpsTrendAccumulator(PeriodUnit.IsoWeek, DateTimeZone.Utc)
            .AddRange([new NpsResponse(Instant.FromUtc(2024, 12, 30, 10, 0), 8), new NpsResponse(Instant.FromUtc(2025, 1, 5, 23, 59), 9)])
            .GetResult();

        trend.Points.Should().ContainSingle().Which.Period.Should().Be(ReportingPeriod.IsoWeek(2025, 1, DateTimeZone.Utc));
        trend.Points[0].Result.Responses.Should().Be(2);
    }

    [Fact]
    public void GetResult_Quarters_StartInJanuaryAprilJulyOctober()
    {
        var trend = new NpsTrendAccumulator(PeriodUnit.Quarter, DateTimeZone.Utc)
            .AddRange([new NpsResponse(Instant.FromUtc(2024, 5, 15, 0, 0), 10), new NpsResponse(Instant.FromUtc(2024, 9, 30, 23, 0), 0)])
            .GetResult();

        trend.Points.Select(p => p.Period).Should().Equal(ReportingPeriod.Quarter(2024, 2, DateTimeZone.Utc), ReportingPeriod.Quarter(2024, 3, DateTimeZone.Utc));
    }

    [Fact]
    public void GetResult_Years()
    {
        var trend = new NpsTrendAccumulator(PeriodUnit.Year, DateTimeZone.Utc)
            .AddRange([new NpsResponse(Instant.FromUtc(2023, 12, 31, 23, 0), 10), new NpsResponse(Instant.FromUtc(2024, 1, 1, 0, 0), 0)])
            .GetResult();

        trend.Points.Select(p => p.Result.Score.Value).Should().Equal(100, -100);
    }

    [Fact]
    public void GetResult_NoAnswers_HasNoPointsAndAnUndefinedOverallScore()
    {
        var trend = new NpsTrendAccumulator(PeriodUnit.Month, DateTimeZone.Utc).GetResult();

        trend.Points.Should().BeEmpty();
        trend.Overall.Score.IsDefined.Should().BeFalse();
    }

    [Fact]
    public void Constructor_CustomUnit_Throws()
    {
        var act = () => new NpsTrendAccumulator(PeriodUnit.Custom, DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "unit");
    }

    [Fact]
    public void Constructor_NullZone_Throws()
    {
        var act = () => new NpsTrendAccumulator(PeriodUnit.Month, null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Merge_DifferentZone_Throws()
    {
        var act = () => new NpsTrendAccumulator(PeriodUnit.Month, DateTimeZone.Utc).Merge(new NpsTrendAccumulator(PeriodUnit.Month, Yerevan));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other");
    }

    [Fact]
    public void Merge_DifferentUnit_Throws()
    {
        var act = () => new NpsTrendAccumulator(PeriodUnit.Month, DateTimeZone.Utc).Merge(new NpsTrendAccumulator(PeriodUnit.Year, DateTimeZone.Utc));

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void NpsResponse_ScoreOutsideZeroToTen_Throws(int score)
    {
        var act = () => new NpsResponse(Instant.FromUtc(2024, 1, 1, 0, 0), score);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "score")
            .WithMessage("NPS score must be between 0 and 10*");
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var responses = (raw ?? []).Select((x, i) => new NpsResponse(
            Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromHours(((long)x * 7919 % 20000 + 20000) % 20000),
            ((x % 11) + 11) % 11)).ToList();
        var whole = new NpsTrendAccumulator(PeriodUnit.Month, Yerevan).AddRange(responses).GetResult();
        var merged = Partitions.MergeAll<NpsTrendAccumulator, NpsResponse, NpsTrend>(responses, seed, () => new NpsTrendAccumulator(PeriodUnit.Month, Yerevan));

        return merged.Overall == whole.Overall && merged.Points.SequenceEqual(whole.Points);
    }
}
