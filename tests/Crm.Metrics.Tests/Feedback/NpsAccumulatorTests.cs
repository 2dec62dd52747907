using Crm.Metrics.Feedback;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Feedback;

public sealed class NpsAccumulatorTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Classify_UsesTheStandardBoundaries(int score, NpsCategory expected)
        => NpsAccumulator.Classify(score).Should().Be(expected);

    [Fact]
    public void Calculate_PassivesStayInTheDenominator()
    {
        // 3 promoters, 1 passive, 1 detractor: (3 − 1) / 5 = 40 %.
        var result = NpsAccumulator.Calculate([10, 10, 9, 8, 3]);

        result.Promoters.Should().Be(3);
        result.Passives.Should().Be(1);
        result.Detractors.Should().Be(1);
        result.Responses.Should().Be(5);
        result.Score.Value.Should().BeApproximately(40, 1e-12);
        result.PromoterSharePercent.Value.Should().BeApproximately(60, 1e-12);
        result.DetractorSharePercent.Value.Should().BeApproximately(20, 1e-12);
        result.PromoterShare.Value.Should().BeApproximately(0.6, 1e-15);
        result.DetractorShare.Value.Should().BeApproximately(0.2, 1e-15);
    }

    [Fact]
    public void Calculate_BalancedAnswers_ScoreZero()
        => NpsAccumulator.Calculate([10, 9, 8, 7, 6, 0]).Score.Value.Should().Be(0);

    [Fact]
    public void Calculate_AllDetractors_ScoreMinus100()
        => NpsAccumulator.Calculate([0, 6, 3]).Score.Value.Should().Be(-100);

    [Fact]
    public void ConfidenceInterval_MatchesHandComputedTrinomialVariance()
    {
        // 50 promoters, 30 passives, 20 detractors: NPS 30.
        // Var = (0.5 + 0.2 − 0.3²) / 100 = 0.0061; SE = 100 × √0.0061 = 7.81025; z(95 %) = 1.959964; half-width 15.30778.
        var scores = Enumerable.Repeat(10, 50).Concat(Enumerable.Repeat(7, 30)).Concat(Enumerable.Repeat(2, 20)).ToList();

        var result = NpsAccumulator.Calculate(scores);

        result.Score.Value.Should().BeApproximately(30, 1e-9);
        result.StandardError.Value.Should().BeApproximately(7.81025, 1e-5);
        result.Lower.Value.Should().BeApproximately(14.69222, 1e-4);
        result.Upper.Value.Should().BeApproximately(45.30778, 1e-4);
        result.ConfidenceLevel.Should().Be(0.95);
    }

    [Fact]
    public void ConfidenceInterval_AtNinetyPercent_IsNarrower()
    {
        // z(90 %) = 1.644854; half-width = 1.644854 × 7.81025 = 12.84672.
        var scores = Enumerable.Repeat(10, 50).Concat(Enumerable.Repeat(7, 30)).Concat(Enumerable.Repeat(2, 20)).ToList();

        var result = NpsAccumulator.Calculate(scores, confidenceLevel: 0.90);

        result.Lower.Value.Should().BeApproximately(17.15328, 1e-4);
        result.Upper.Value.Should().BeApproximately(42.84672, 1e-4);
    }

    [Fact]
    public void ConfidenceInterval_IsClampedToTheScale()
    {
        // NPS 40 with n = 5: Var = (0.8 − 0.16) / 5 = 0.128; half-width = 1.959964 × 35.7771 = 70.1218; upper 110.12 → 100.
        var result = NpsAccumulator.Calculate([10, 10, 9, 8, 3]);

        result.Lower.Value.Should().BeApproximately(-30.1218, 1e-3);
        result.Upper.Value.Should().Be(100);
    }

    [Fact]
    public void ConfidenceInterval_OnlyPromoters_HasZeroWidth()
    {
        var result = NpsAccumulator.Calculate([9, 10, 10]);

        result.StandardError.Value.Should().Be(0);
        result.Lower.Value.Should().Be(100);
        result.Upper.Value.Should().Be(100);
    }

    [Fact]
    public void Calculate_NoAnswers_IsUndefinedWithAReason()
    {
        var result = NpsAccumulator.Calculate([]);

        result.Responses.Should().Be(0);
        result.Score.IsDefined.Should().BeFalse();
        result.Score.UndefinedReason.Should().Contain("no NPS answers");
        result.Lower.IsDefined.Should().BeFalse();
        result.Upper.IsDefined.Should().BeFalse();
        result.StandardError.IsDefined.Should().BeFalse();
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void Add_ScoreOutsideZeroToTen_ThrowsNamingTheRule(int score)
    {
        var act = () => new NpsAccumulator().Add(score);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "score")
            .WithMessage($"NPS score must be between 0 and 10 (was {score}).*");
    }

    [Fact]
    public void Classify_ScoreOutsideZeroToTen_Throws()
    {
        var act = () => NpsAccumulator.Classify(11);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "score");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Constructor_ConfidenceLevelOutsideZeroToOne_Throws(double level)
    {
        var act = () => new NpsAccumulator(level);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "confidenceLevel");
    }

    [Fact]
    public void Merge_DifferentConfidenceLevels_Throws()
    {
        var act = () => new NpsAccumulator(0.95).Merge(new NpsAccumulator(0.9));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other");
    }

    [Fact]
    public void Merge_Null_Throws()
    {
        var act = () => new NpsAccumulator().Merge(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Merge_AddsTheCountsOfBothPartitions()
    {
        var left = new NpsAccumulator().AddRange([10, 0]);
        var right = new NpsAccumulator().AddRange([9, 9, 7]);

        left.Merge(right);

        var result = left.GetResult();
        result.Promoters.Should().Be(3);
        result.Passives.Should().Be(1);
        result.Detractors.Should().Be(1);
        right.GetResult().Responses.Should().Be(3, "the merged partial is left unchanged");
    }

    [Property]
    public bool Score_AndInterval_StayWithinMinus100To100(int[] raw)
    {
        var result = NpsAccumulator.Calculate(ToScores(raw));
        if (!result.Score.IsDefined)
        {
            return raw.Length == 0;
        }

        return result.Score.Value is >= -100 and <= 100
               && result.Lower.Value >= -100 && result.Upper.Value <= 100
               && result.Lower.Value <= result.Score.Value + 1e-9 && result.Score.Value <= result.Upper.Value + 1e-9;
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var scores = ToScores(raw);
        var whole = NpsAccumulator.Calculate(scores);
        var merged = Partitions.MergeAll<NpsAccumulator, int, NpsResult>(scores, seed, () => new NpsAccumulator());
        return merged == whole;
    }

    [Property]
    public bool Result_DoesNotDependOnInputOrder(int[] raw, int seed)
    {
        var scores = ToScores(raw);
        return NpsAccumulator.Calculate(scores) == NpsAccumulator.Calculate(Partitions.Shuffle(scores, seed));
    }

    private static List<int> ToScores(int[] raw) => (raw ?? []).Select(x => ((x % 11) + 11) % 11).ToList();
}
