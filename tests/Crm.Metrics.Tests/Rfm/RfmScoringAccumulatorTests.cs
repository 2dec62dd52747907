using Crm.Metrics.Rfm;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Rfm;

public sealed class RfmScoringAccumulatorTests
{
    private static RfmScoringInput<int> In(int customer, double recency, long frequency, decimal monetary) => new(customer, recency, frequency, monetary);

    private static int[] Frequencies(RfmScoringResult<int> result, IEnumerable<int> customers)
        => customers.Select(c => result.TryGetScores(c, out var s) ? s.Frequency : 0).ToArray();

    [Fact]
    public void Score_TenDistinctValues_GivesBalancedQuintiles()
    {
        var result = RfmScoring.Score(Enumerable.Range(1, 10).Select(i => In(i, i, i, i)));

        Frequencies(result, Enumerable.Range(1, 10)).Should().Equal(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        result.FrequencyScoreCounts.Should().Equal(2, 2, 2, 2, 2);
        result.Customers.Should().Be(10);
        result.IsDefined.Should().BeTrue();
    }

    [Fact]
    public void Score_Recency_MoreRecentScoresHigher()
    {
        // Customer i last bought i days ago: customers 1 and 2 are the most recent.
        var result = RfmScoring.Score(Enumerable.Range(1, 10).Select(i => In(i, i, 1, 1)));

        Enumerable.Range(1, 10).Select(c => result.TryGetScores(c, out var s) ? s.Recency : 0).Should().Equal(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
    }

    [Fact]
    public void Score_Monetary_UsesDecimalValues()
    {
        var result = RfmScoring.Score([In(1, 0, 1, 10.01m), In(2, 0, 1, 10.00m), In(3, 0, 1, 10.02m), In(4, 0, 1, 9m), In(5, 0, 1, 11m)]);

        Enumerable.Range(1, 5).Select(c => result.TryGetScores(c, out var s) ? s.Monetary : 0).Should().Equal(3, 2, 4, 1, 5);
    }

    [Fact]
    public void Score_HeavyTies_NeverSplitEqualValues()
    {
        // Six one-time buyers and four others: L = 0 for the ones → 1; value 2 has L = 6 → 1 + ⌊30/10⌋ = 4;
        // value 3 has L = 7 → 4; value 4 has L = 8 → 5; value 5 has L = 9 → 5.
        var frequencies = new long[] { 1, 1, 1, 1, 1, 1, 2, 3, 4, 5 };
        var result = RfmScoring.Score(frequencies.Select((f, i) => In(i, 0, f, 0)));

        Frequencies(result, Enumerable.Range(0, 10)).Should().Equal(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
        result.FrequencyScoreCounts.Should().Equal(6, 0, 0, 2, 2);
    }

    [Fact]
    public void Score_AllEqual_EveryoneSharesScoreOne()
    {
        var result = RfmScoring.Score(Enumerable.Range(0, 7).Select(i => In(i, 3, 2, 5)));

        result.Rows.Should().OnlyContain(r => r.Scores == new RfmScores(1, 1, 1));
    }

    [Fact]
    public void Score_RankTiles_SplitTiesBySecondaryKey_IntoExactlyBalancedQuintiles()
    {
        var frequencies = new long[] { 1, 1, 1, 1, 1, 1, 2, 3, 4, 5 };
        var result = RfmScoring.Score(frequencies.Select((f, i) => In(i, 0, f, 0)), RfmScoringTieRule.RankTiles);

        // Ties on value 1 are ordered by customer key 0…5.
        Frequencies(result, Enumerable.Range(0, 10)).Should().Equal(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        result.TieRule.Should().Be(RfmScoringTieRule.RankTiles);
    }

    [Fact]
    public void Score_RankTiles_WithAReversedTieBreaker_ReversesTheTies()
    {
        var result = RfmScoring.Score(Enumerable.Range(0, 5).Select(i => In(i, 0, 1, 0)), RfmScoringTieRule.RankTiles, Comparer<int>.Create((a, b) => b.CompareTo(a)));

        Frequencies(result, Enumerable.Range(0, 5)).Should().Equal(5, 4, 3, 2, 1);
    }

    [Fact]
    public void Score_RankTiles_TieBreakerThatCannotTellCustomersApart_Throws()
    {
        var act = () => RfmScoring.Score([In(1, 0, 1, 0), In(2, 0, 1, 0)], RfmScoringTieRule.RankTiles, Comparer<int>.Create((_, _) => 0));

        act.Should().Throw<InvalidOperationException>().WithMessage("*tell every two customers apart*");
    }

    [Fact]
    public void Constructor_RankTilesForAKeyWithoutOrder_NeedsATieBreaker()
    {
        var act = () => new RfmScoringAccumulator<object>(RfmScoringTieRule.RankTiles);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "tieBreaker");
    }

    [Fact]
    public void Constructor_UndefinedTieRule_Throws()
    {
        var act = () => new RfmScoringAccumulator<int>((RfmScoringTieRule)99);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "tieRule");
    }

    [Fact]
    public void Score_NoCustomers_IsUndefinedWithAReason()
    {
        var result = RfmScoring.Score<int>([]);

        result.IsDefined.Should().BeFalse();
        result.UndefinedReason.Should().Be("no customers to score");
        result.Rows.Should().BeEmpty();
    }

    [Fact]
    public void Score_OneCustomer_ScoresOne()
        => RfmScoring.Score([In(1, 5, 5, 5)]).Rows.Single().Scores.Should().Be(new RfmScores(1, 1, 1));

    [Fact]
    public void Add_TheSameCustomerTwice_Throws()
    {
        var act = () => RfmScoring.Score([In(1, 0, 1, 0), In(1, 2, 3, 4)]);

        act.Should().Throw<ArgumentException>().WithMessage("Each customer can be scored once*");
    }

    [Fact]
    public void Add_DefaultInput_Throws()
    {
        var act = () => new RfmScoringAccumulator<string>().Add(default);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Merge_PartitionsSharingACustomer_ThrowsAndMergesNothing()
    {
        var left = new RfmScoringAccumulator<int>().AddRange([In(1, 0, 1, 0)]);
        var right = new RfmScoringAccumulator<int>().AddRange([In(2, 0, 1, 0), In(1, 0, 1, 0)]);

        var act = () => left.Merge(right);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other");
        left.GetResult().Customers.Should().Be(1);
    }

    [Fact]
    public void Merge_DifferentTieRule_Throws()
    {
        var act = () => new RfmScoringAccumulator<int>().Merge(new RfmScoringAccumulator<int>(RfmScoringTieRule.RankTiles));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Input_FromInstants_MeasuresRecencyInDays()
    {
        var asOf = Instant.FromUtc(2024, 6, 30, 12, 0);

        new RfmScoringInput<int>(1, asOf - Duration.FromHours(36), asOf, 2, 10m).RecencyDays.Should().Be(1.5);
    }

    [Fact]
    public void Input_LastPurchaseAfterAsOf_Throws()
    {
        var asOf = Instant.FromUtc(2024, 6, 30, 12, 0);

        var act = () => new RfmScoringInput<int>(1, asOf + Duration.FromSeconds(1), asOf, 2, 10m);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "lastPurchase");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Input_BadRecency_Throws(double recency)
    {
        var act = () => new RfmScoringInput<int>(1, recency, 1, 1m);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "recencyDays");
    }

    [Fact]
    public void Input_NegativeFrequency_Throws()
    {
        var act = () => new RfmScoringInput<int>(1, 0, -1, 1m);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "frequency").WithMessage("Frequency must be 0 or more (was -1).*");
    }

    [Fact]
    public void Input_NullCustomer_Throws()
    {
        var act = () => new RfmScoringInput<string>(null!, 0, 1, 1m);

        act.Should().Throw<ArgumentNullException>();
    }

    [Property]
    public bool SharedScore_EqualValuesShareAScore_AndBetterValuesNeverScoreLower(int[] raw)
    {
        var result = RfmScoring.Score(ToInputs(raw));
        var rows = result.Rows;
        foreach (var a in rows)
        {
            foreach (var b in rows)
            {
                if (a.Input.Frequency == b.Input.Frequency && a.Scores.Frequency != b.Scores.Frequency)
                {
                    return false;
                }

                if (a.Input.Frequency > b.Input.Frequency && a.Scores.Frequency < b.Scores.Frequency)
                {
                    return false;
                }

                if (a.Input.RecencyDays < b.Input.RecencyDays && a.Scores.Recency < b.Scores.Recency)
                {
                    return false;
                }

                if (a.Input.Monetary == b.Input.Monetary && a.Scores.Monetary != b.Scores.Monetary)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property]
    public bool RankTiles_GiveExactlyBalancedQuintiles(int[] raw)
    {
        var result = RfmScoring.Score(ToInputs(raw), RfmScoringTieRule.RankTiles);
        var n = result.Customers;
        bool Balanced(IReadOnlyList<long> counts) => counts.All(c => c == n / 5 || c == (n + 4) / 5) && counts.Sum() == n;
        return Balanced(result.RecencyScoreCounts) && Balanced(result.FrequencyScoreCounts) && Balanced(result.MonetaryScoreCounts);
    }

    [Property]
    public bool Scores_DoNotDependOnInputOrder(int[] raw, int seed)
    {
        var inputs = ToInputs(raw);
        return SameScores(RfmScoring.Score(inputs), RfmScoring.Score(Partitions.Shuffle(inputs, seed)))
               && SameScores(RfmScoring.Score(inputs, RfmScoringTieRule.RankTiles), RfmScoring.Score(Partitions.Shuffle(inputs, seed), RfmScoringTieRule.RankTiles));
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var inputs = ToInputs(raw);
        var whole = RfmScoring.Score(inputs);
        var merged = Partitions.MergeAll<RfmScoringAccumulator<int>, RfmScoringInput<int>, RfmScoringResult<int>>(inputs, seed, () => new RfmScoringAccumulator<int>());
        return SameScores(whole, merged);
    }

    private static bool SameScores(RfmScoringResult<int> a, RfmScoringResult<int> b)
        => a.Customers == b.Customers && a.Rows.All(r => b.TryGetScores(r.Customer, out var s) && s == r.Scores);

    // Distinct customers with small value ranges, so ties are frequent.
    private static List<RfmScoringInput<int>> ToInputs(int[] raw)
        => (raw ?? []).Distinct().Select(x =>
        {
            var v = Math.Abs((long)x);
            return new RfmScoringInput<int>(x, v % 9, v % 4, (v % 6) * 2.5m);
        }).ToList();
}
