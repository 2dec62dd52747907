using Crm.Metrics.Coverage;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Coverage;

public sealed class RelationshipCoverageAccumulatorTests
{
    private static TeamInteraction<string, string> Met(string customer, string member) => new(customer, member);

    [Fact]
    public void Calculate_CountsDistinctTeamMembersPerCustomer()
    {
        // c1 met m1 twice (one member); c2 met m1, m2; c3 met m3; c4 met m1, m2, m3.
        var result = RelationshipCoverage.Calculate(
        [
            Met("c1", "m1"), Met("c1", "m1"), Met("c2", "m1"), Met("c2", "m2"), Met("c3", "m3"),
            Met("c4", "m1"), Met("c4", "m2"), Met("c4", "m3"), Met("c4", "m1"),
        ]);

        result.Customers.Should().Be(4);
        result.SingleMemberCustomers.Should().Be(2);
        result.SingleMemberRate.Value.Should().Be(0.5);
        result.MeanTeamMembers.Value.Should().Be(1.75);
        result.Distribution.Should().Equal(new TeamSizeCount(1, 2), new TeamSizeCount(2, 1), new TeamSizeCount(3, 1));
    }

    [Fact]
    public void Calculate_NoInteractions_IsUndefinedWithAReason()
    {
        var result = RelationshipCoverage.Calculate<string, string>([]);

        result.Customers.Should().Be(0);
        result.SingleMemberRate.UndefinedReason.Should().Contain("no customers");
        result.Distribution.Should().BeEmpty();
    }

    [Fact]
    public void Accumulator_UsesTheGivenComparers()
    {
        var accumulator = new RelationshipCoverageAccumulator<string, string>(StringComparer.OrdinalIgnoreCase, StringComparer.OrdinalIgnoreCase)
            .AddRange([Met("c1", "Anna"), Met("C1", "ANNA")]);

        accumulator.GetResult().SingleMemberCustomers.Should().Be(1);
    }

    [Fact]
    public void Add_NullKey_Throws()
    {
        var act = () => new RelationshipCoverageAccumulator<string, string>().Add(Met("c1", null!));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Merge_DifferentComparers_Throws()
    {
        var act = () => new RelationshipCoverageAccumulator<string, string>(StringComparer.Ordinal)
            .Merge(new RelationshipCoverageAccumulator<string, string>(StringComparer.OrdinalIgnoreCase));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other");
    }

    [Fact]
    public void Merge_ACustomerSeenWithOneMemberInEachPartition_HasTwoMembers()
    {
        var left = new RelationshipCoverageAccumulator<string, string>().AddRange([Met("c1", "m1")]);
        var right = new RelationshipCoverageAccumulator<string, string>().AddRange([Met("c1", "m2")]);

        left.Merge(right);

        left.GetResult().Distribution.Should().Equal(new TeamSizeCount(2, 1));
    }

    [Fact]
    public void Results_AreEqualByValue()
        => RelationshipCoverage.Calculate([Met("a", "x"), Met("b", "y")]).Should().Be(RelationshipCoverage.Calculate([Met("b", "y"), Met("a", "x")]));

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var pairs = ToPairs(raw);
        var whole = RelationshipCoverage.Calculate(pairs);
        var merged = Partitions.MergeAll<RelationshipCoverageAccumulator<int, int>, TeamInteraction<int, int>, RelationshipCoverage>(
            pairs, seed, () => new RelationshipCoverageAccumulator<int, int>());
        return Same(whole, merged);
    }

    [Property]
    public bool Result_DoesNotDependOnInputOrder_AndTheRateIsAFraction(int[] raw, int seed)
    {
        var pairs = ToPairs(raw);
        var a = RelationshipCoverage.Calculate(pairs);
        var b = RelationshipCoverage.Calculate(Partitions.Shuffle(pairs, seed));
        return Same(a, b) && (!a.SingleMemberRate.IsDefined || a.SingleMemberRate.Value is >= 0 and <= 1)
               && a.Distribution.Sum(d => d.Customers) == a.Customers;
    }

    private static bool Same(RelationshipCoverage a, RelationshipCoverage b)
        => a.Customers == b.Customers && a.SingleMemberCustomers == b.SingleMemberCustomers && a.SingleMemberRate == b.SingleMemberRate
           && a.MeanTeamMembers == b.MeanTeamMembers && a.Distribution.SequenceEqual(b.Distribution);

    private static List<TeamInteraction<int, int>> ToPairs(int[] raw)
        => (raw ?? []).Select(x => new TeamInteraction<int, int>((int)(Math.Abs((long)x) % 17), (int)(Math.Abs((long)x) / 17 % 4))).ToList();
}
