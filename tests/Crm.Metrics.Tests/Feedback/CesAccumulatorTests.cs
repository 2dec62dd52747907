using Crm.Metrics.Feedback;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Feedback;

public sealed class CesAccumulatorTests
{
    [Fact]
    public void Calculate_GivesTheMeanAndTheShareAgreeing()
    {
        // (7 + 6 + 5 + 4 + 1) / 5 = 4.6; 3 of 5 answers are 5–7 = 60 %.
        var result = CesAccumulator.Calculate([7, 6, 5, 4, 1]);

        result.Mean.Value.Should().BeApproximately(4.6, 1e-12);
        result.AgreeingPercent.Value.Should().BeApproximately(60, 1e-12);
        result.AgreeingShare.Value.Should().BeApproximately(0.6, 1e-15);
        result.Agreeing.Should().Be(3);
        result.Responses.Should().Be(5);
    }

    [Fact]
    public void Calculate_FourIsNeutral_NotAgreeing()
        => CesAccumulator.Calculate([4, 4]).AgreeingPercent.Value.Should().Be(0);

    [Fact]
    public void Calculate_NoAnswers_IsUndefinedWithAReason()
    {
        var result = CesAccumulator.Calculate([]);

        result.Mean.UndefinedReason.Should().Contain("no CES answers");
        result.AgreeingPercent.IsDefined.Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Add_AnswerOutsideOneToSeven_ThrowsNamingTheRule(int answer)
    {
        var act = () => new CesAccumulator().Add(answer);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "answer")
            .WithMessage($"CES score must be between 1 and 7 (was {answer}).*");
    }

    [Fact]
    public void Results_WithTheSameCounts_AreEqualByValue()
        => (CesAccumulator.Calculate([7, 1]) == CesAccumulator.Calculate([1, 7])).Should().BeTrue();

    [Property]
    public bool MeanAndShare_StayOnTheirScales(int[] raw)
    {
        var result = CesAccumulator.Calculate(ToAnswers(raw));
        return !result.Mean.IsDefined
            ? raw.Length == 0
            : result.Mean.Value is >= 1 and <= 7 && result.AgreeingPercent.Value is >= 0 and <= 100;
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var answers = ToAnswers(raw);
        var whole = CesAccumulator.Calculate(answers);
        var merged = Partitions.MergeAll<CesAccumulator, int, CesResult>(answers, seed, () => new CesAccumulator());
        return merged.Mean == whole.Mean && merged.AgreeingPercent == whole.AgreeingPercent;
    }

    private static List<int> ToAnswers(int[] raw) => (raw ?? []).Select(x => 1 + (((x % 7) + 7) % 7)).ToList();
}
