using Crm.Metrics.Feedback;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Feedback;

public sealed class CsatAccumulatorTests
{
    [Fact]
    public void Calculate_CountsFoursAndFivesAsSatisfied()
    {
        var result = CsatAccumulator.Calculate([5, 4, 3, 2, 1]);

        result.Responses.Should().Be(5);
        result.Satisfied.Should().Be(2);
        result.Score.Value.Should().BeApproximately(40, 1e-12);
        result.Mean.Value.Should().Be(3);
        result.CountsByAnswer.Should().Equal(1, 1, 1, 1, 1);
    }

    [Fact]
    public void Calculate_AllSatisfied_Is100()
        => CsatAccumulator.Calculate([4, 5, 5]).Score.Value.Should().Be(100);

    [Fact]
    public void Calculate_NoAnswers_IsUndefinedWithAReason()
    {
        var result = CsatAccumulator.Calculate([]);

        result.Score.IsDefined.Should().BeFalse();
        result.Score.UndefinedReason.Should().Contain("no CSAT answers");
        result.Mean.IsDefined.Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Add_AnswerOutsideOneToFive_ThrowsNamingTheRule(int answer)
    {
        var act = () => new CsatAccumulator().Add(answer);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "answer")
            .WithMessage($"CSAT score must be between 1 and 5 (was {answer}).*");
    }

    [Fact]
    public void Merge_Null_Throws()
    {
        var act = () => new CsatAccumulator().Merge(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Results_WithTheSameCounts_AreEqualByValue()
    {
        CsatAccumulator.Calculate([5, 1, 4]).Should().Be(CsatAccumulator.Calculate([4, 5, 1]));
        CsatAccumulator.Calculate([5, 1, 4]).Should().NotBe(CsatAccumulator.Calculate([5, 2, 4]));
    }

    [Property]
    public bool Score_StaysWithin0To100(int[] raw)
    {
        var result = CsatAccumulator.Calculate(ToAnswers(raw));
        return !result.Score.IsDefined ? raw.Length == 0 : result.Score.Value is >= 0 and <= 100;
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var answers = ToAnswers(raw);
        var whole = CsatAccumulator.Calculate(answers);
        var merged = Partitions.MergeAll<CsatAccumulator, int, CsatResult>(answers, seed, () => new CsatAccumulator());
        return merged.Score == whole.Score && merged.Mean == whole.Mean && merged.CountsByAnswer.SequenceEqual(whole.CountsByAnswer);
    }

    [Property]
    public bool Result_DoesNotDependOnInputOrder(int[] raw, int seed)
    {
        var answers = ToAnswers(raw);
        var a = CsatAccumulator.Calculate(answers);
        var b = CsatAccumulator.Calculate(Partitions.Shuffle(answers, seed));
        return a.Score == b.Score && a.Mean == b.Mean;
    }

    private static List<int> ToAnswers(int[] raw) => (raw ?? []).Select(x => 1 + (((x % 5) + 5) % 5)).ToList();
}
