using Crm.Metrics.Rfm;

namespace Crm.Metrics.Tests.Rfm;

public sealed class RfmSegmentRulesTests
{
    private static readonly RfmSegmentRules<string> Rules = new RfmSegmentRules<string>("Everyone else")
        .When(s => s.Recency >= 4 && s.Monetary == 5, "VIP")
        .When(s => s.Monetary == 5, "Big spender")
        .When(s => s.Recency == 1, "Gone");

    [Fact]
    public void Classify_FirstMatchingRuleWins()
    {
        Rules.Classify(new RfmScores(5, 1, 5)).Should().Be("VIP");
        Rules.Classify(new RfmScores(1, 1, 5)).Should().Be("Big spender", "the VIP rule does not match and Big spender comes before Gone");
        Rules.Classify(new RfmScores(1, 1, 1)).Should().Be("Gone");
    }

    [Fact]
    public void Classify_NoRuleMatches_GivesTheFallback()
        => Rules.Classify(new RfmScores(3, 3, 3)).Should().Be("Everyone else");

    [Fact]
    public void When_ReturnsNewRules_LeavingTheOriginalUnchanged()
    {
        var extended = Rules.When(_ => true, "Anyone");

        extended.Count.Should().Be(4);
        Rules.Count.Should().Be(3);
        Rules.Classify(new RfmScores(3, 3, 3)).Should().Be("Everyone else");
        extended.Classify(new RfmScores(3, 3, 3)).Should().Be("Anyone");
    }

    [Fact]
    public void When_NullPredicate_Throws()
    {
        var act = () => Rules.When(null!, "x");

        act.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "predicate");
    }

    [Fact]
    public void Rules_CanReproduceTheDefaultMap()
    {
        var rules = new RfmSegmentRules<RfmSegment>(RfmSegment.Lost);
        foreach (var entry in RfmSegmentMap.Default.Entries)
        {
            rules = rules.When(entry.Contains, entry.Segment);
        }

        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                for (var m = 1; m <= 5; m++)
                {
                    var scores = new RfmScores(r, f, m);
                    rules.Classify(scores).Should().Be(RfmSegmentMap.Default.Classify(scores));
                }
            }
        }
    }
}
