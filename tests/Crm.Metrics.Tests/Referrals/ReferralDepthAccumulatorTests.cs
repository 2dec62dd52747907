using Crm.Metrics.Referrals;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Referrals;

public sealed class ReferralDepthAccumulatorTests
{
    private static ReferralEdge<string> Edge(string referee, string referrer) => new(referee, referrer);

    [Fact]
    public void Depths_OfASmallTree()
    {
        // a referred b and c; b referred d; d referred e.
        var result = ReferralMetrics.Depths([Edge("b", "a"), Edge("e", "d"), Edge("c", "a"), Edge("d", "b")]);

        result.Nodes.Should().Be(5);
        result.CountsByDepth.Should().Equal(1, 2, 1, 1);
        result.Roots.Should().Be(1);
        result.MaxDepth.Should().Be(3);
        result.MeanDepth.Value.Should().BeApproximately((0 + 1 + 1 + 2 + 3) / 5.0, 1e-12);
        result.TryGetDepth("e", out var depth).Should().BeTrue();
        depth.Should().Be(3);
        result.TryGetDepth("a", out depth).Should().BeTrue();
        depth.Should().Be(0);
        result.TryGetDepth("z", out _).Should().BeFalse();
        result.HasCycles.Should().BeFalse();
    }

    [Fact]
    public void Depths_OfAForest_CountsEveryRoot()
    {
        var result = ReferralMetrics.Depths([Edge("b", "a"), Edge("y", "x"), Edge("z", "y")]);

        result.CountsByDepth.Should().Equal(2, 2, 1);
    }

    [Fact]
    public void Depths_ACycle_IsReportedWithTheNodesBelowIt()
    {
        // x referred y, y referred x (corrupt); x also referred z; r referred s (healthy).
        var result = ReferralMetrics.Depths([Edge("y", "x"), Edge("x", "y"), Edge("z", "x"), Edge("s", "r")]);

        result.HasCycles.Should().BeTrue();
        result.Cycles.Should().ContainSingle().Which.Should().BeEquivalentTo(["x", "y"]);
        result.NodesInCycles.Should().Be(2);
        result.NodesBelowCycles.Should().Be(1);
        result.TryGetDepth("z", out _).Should().BeFalse();
        result.TryGetDepth("x", out _).Should().BeFalse();
        result.CountsByDepth.Should().Equal(1, 1);
        result.NodesWithDepth.Should().Be(2);
    }

    [Fact]
    public void Depths_ACycleIsListedInReferralOrder()
    {
        // b referred a, c referred b, a referred c: each node is referred by the next.
        var cycle = ReferralMetrics.Depths([Edge("a", "b"), Edge("b", "c"), Edge("c", "a")]).Cycles.Single();

        for (var i = 0; i < cycle.Count; i++)
        {
            var referee = cycle[i];
            var referrer = cycle[(i + 1) % cycle.Count];
            new[] { ("a", "b"), ("b", "c"), ("c", "a") }.Should().Contain((referee, referrer));
        }
    }

    [Fact]
    public void Depths_SelfReferral_IsACycleOfOne()
    {
        var result = ReferralMetrics.Depths([Edge("a", "a")]);

        result.Cycles.Should().ContainSingle().Which.Should().Equal("a");
        result.MeanDepth.IsDefined.Should().BeFalse();
        result.MaxDepth.Should().Be(-1);
    }

    [Fact]
    public void Depths_NoEdges_IsEmptyWithAnUndefinedMean()
    {
        var result = ReferralMetrics.Depths<string>([]);

        result.Nodes.Should().Be(0);
        result.CountsByDepth.Should().BeEmpty();
        result.Roots.Should().Be(0);
        result.MeanDepth.UndefinedReason.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Depths_AChainAMillionDeep_NeedsNoRecursion()
    {
        // Node i was referred by node i − 1; edges are added deepest first so every walk is as long as possible.
        const int N = 1_000_000;
        var accumulator = new ReferralDepthAccumulator<int>();
        for (var i = N - 1; i >= 1; i--)
        {
            accumulator.Add(new ReferralEdge<int>(i, i - 1));
        }

        var result = accumulator.GetResult();

        result.Nodes.Should().Be(N);
        result.MaxDepth.Should().Be(N - 1);
        result.CountsByDepth.Should().OnlyContain(c => c == 1);
        result.TryGetDepth(N - 1, out var depth).Should().BeTrue();
        depth.Should().Be(N - 1);
    }

    [Fact]
    public void Depths_ACycleAtTheEndOfALongChain_IsFound()
    {
        const int N = 20_000;
        var edges = Enumerable.Range(1, N - 1).Select(i => new ReferralEdge<int>(i, i - 1)).Append(new ReferralEdge<int>(0, N - 1));

        var result = ReferralMetrics.Depths(edges);

        result.Cycles.Should().ContainSingle().Which.Should().HaveCount(N);
        result.NodesWithDepth.Should().Be(0);
    }

    [Fact]
    public void Add_TheSameEdgeTwice_IsHarmless()
        => ReferralMetrics.Depths([Edge("b", "a"), Edge("b", "a")]).CountsByDepth.Should().Equal(1, 1);

    [Fact]
    public void Add_ASecondReferrer_Throws()
    {
        var accumulator = new ReferralDepthAccumulator<string>();
        accumulator.Add(Edge("b", "a"));

        var act = () => accumulator.Add(Edge("b", "c"));

        act.Should().Throw<ArgumentException>().WithMessage("A referee can have only one referrer*");
        accumulator.GetResult().CountsByDepth.Should().Equal(1, 1);
    }

    [Fact]
    public void Add_NullKey_Throws()
    {
        var act = () => new ReferralDepthAccumulator<string>().Add(new ReferralEdge<string>("b", null!));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Merge_AConflictingReferrer_ThrowsAndMergesNothing()
    {
        var left = new ReferralDepthAccumulator<string>().AddRange([Edge("b", "a")]);
        var right = new ReferralDepthAccumulator<string>().AddRange([Edge("z", "y"), Edge("b", "c")]);

        var act = () => left.Merge(right);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other");
        left.GetResult().Nodes.Should().Be(2);
    }

    [Property]
    public bool DepthDistribution_OfARandomForest_IsRight(int[] raw, int seed)
    {
        // Node i's referrer is a random earlier node (or none), so depths can be computed in order as the oracle.
        var values = raw ?? [];
        var n = values.Length;
        var expected = new int[n];
        var edges = new List<ReferralEdge<int>>();
        var isNode = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var choice = Math.Abs((long)values[i]) % (i + 1);
            if (choice == i)
            {
                expected[i] = 0;
                continue;
            }

            var referrer = (int)choice;
            expected[i] = expected[referrer] + 1;
            edges.Add(new ReferralEdge<int>(i, referrer));
            isNode[i] = isNode[referrer] = true;
        }

        var result = ReferralMetrics.Depths(Partitions.Shuffle(edges, seed));

        var expectedCounts = expected.Where((_, i) => isNode[i]).GroupBy(d => d).OrderBy(g => g.Key).Select(g => (long)g.Count()).ToList();
        return result.CountsByDepth.SequenceEqual(expectedCounts)
               && !result.HasCycles
               && Enumerable.Range(0, n).Where(i => isNode[i]).All(i => result.TryGetDepth(i, out var d) && d == expected[i]);
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        // Random functional graph (may hold cycles): node i is referred by raw[i] mod n.
        var values = raw ?? [];
        var n = Math.Max(1, values.Length);
        var edges = values.Select((x, i) => new ReferralEdge<int>(i, (int)(Math.Abs((long)x) % n))).Where(e => e.Referee != e.Referrer || e.Referee % 2 == 0).ToList();
        var whole = ReferralMetrics.Depths(edges);
        var merged = Partitions.MergeAll<ReferralDepthAccumulator<int>, ReferralEdge<int>, ReferralDepthDistribution<int>>(edges, seed, () => new ReferralDepthAccumulator<int>());
        return whole.CountsByDepth.SequenceEqual(merged.CountsByDepth)
               && whole.NodesInCycles == merged.NodesInCycles
               && whole.NodesBelowCycles == merged.NodesBelowCycles
               && whole.Cycles.Select(c => c.Order().ToArray()).OrderBy(c => c[0]).SelectMany(c => c)
                   .SequenceEqual(merged.Cycles.Select(c => c.Order().ToArray()).OrderBy(c => c[0]).SelectMany(c => c));
    }
}
