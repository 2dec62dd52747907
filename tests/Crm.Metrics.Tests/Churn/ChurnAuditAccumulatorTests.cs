using Crm.Metrics.Churn;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Churn;

public sealed class ChurnAuditAccumulatorTests
{
    private sealed record Customer(string Band, string Channel, bool Churned);

    private static IEnumerable<Customer> Many(int count, string band, bool churned, string channel = "web")
        => Enumerable.Range(0, count).Select(_ => new Customer(band, channel, churned));

    [Fact]
    public void Audit_CountsEachGroup_HighestChurnFirst()
    {
        // small: 4 of 10 churn (40 %); medium: 1 of 10 (10 %); large: 0 of 5.
        var customers = Many(4, "small", true).Concat(Many(6, "small", false))
            .Concat(Many(1, "medium", true)).Concat(Many(9, "medium", false))
            .Concat(Many(5, "large", false))
            .ToList();

        var audit = ChurnRate.Audit(customers, c => c.Band, c => c.Churned);

        audit.Customers.Should().Be(25);
        audit.Churned.Should().Be(5);
        audit.ChurnPercent.Value.Should().Be(20);
        audit.Churn.Value.Should().Be(0.2);
        audit.Groups.Select(g => g.Key).Should().Equal("small", "medium", "large");
        var small = audit.Groups[0];
        small.Customers.Should().Be(10);
        small.Churned.Should().Be(4);
        small.ChurnPercent.Value.Should().Be(40);
        small.ShareOfChurnedPercent.Value.Should().Be(80);
        small.Lift.Value.Should().Be(2);
        audit.Groups[2].ChurnPercent.Value.Should().Be(0);
        audit.Groups[2].Lift.Value.Should().Be(0);
    }

    [Fact]
    public void EqualRates_LargerGroupFirst_ThenOrdinalKeyOrder()
    {
        var customers = Many(1, "b", true).Concat(Many(1, "b", false))
            .Concat(Many(1, "a", true)).Concat(Many(1, "a", false))
            .Concat(Many(2, "B", true)).Concat(Many(2, "B", false))
            .ToList();

        var audit = ChurnRate.Audit(customers, c => c.Band, c => c.Churned);

        audit.Groups.Select(g => g.Key).Should().Equal("B", "a", "b");
    }

    [Fact]
    public void AnyKeySelector_CanBeUsed()
    {
        var customers = Many(2, "x", true, "referral").Concat(Many(2, "x", false, "ads")).ToList();

        var audit = ChurnRate.Audit(customers, c => c.Channel, c => c.Churned);

        audit.Groups.Select(g => (g.Key, g.Churned)).Should().Equal(("referral", 2L), ("ads", 0L));
    }

    [Fact]
    public void NobodyChurned_ShareAndLiftAreUndefined()
    {
        var audit = ChurnRate.Audit(Many(3, "a", false).ToList(), c => c.Band, c => c.Churned);

        audit.ChurnPercent.Value.Should().Be(0);
        audit.Groups[0].Lift.UndefinedReason.Should().Contain("overall churn rate is zero");
        audit.Groups[0].ShareOfChurnedPercent.IsDefined.Should().BeFalse();
    }

    [Fact]
    public void Audit_NoCustomers_IsUndefined()
    {
        var audit = ChurnRate.Audit(Array.Empty<Customer>(), c => c.Band, c => c.Churned);

        audit.Groups.Should().BeEmpty();
        audit.ChurnPercent.IsDefined.Should().BeFalse();
    }

    [Fact]
    public void Add_NullKey_ThrowsNamingTheRule()
    {
        var act = () => new ChurnAuditAccumulator<Customer, string>(c => null!, c => c.Churned).Add(new Customer("a", "b", true));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "item").WithMessage("The group key of a customer must not be null*");
    }

    [Fact]
    public void Constructor_KeyWithoutOrder_NeedsAKeyOrder()
    {
        var act = () => new ChurnAuditAccumulator<Customer, object>(c => c.Band, c => c.Churned);

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "keyOrder");
    }

    [Fact]
    public void Constructor_NullSelector_Throws()
    {
        var act = () => new ChurnAuditAccumulator<Customer, string>(null!, c => c.Churned);

        act.Should().Throw<ArgumentNullException>().Where(x => x.ParamName == "groupBy");
    }

    [Fact]
    public void Merge_AnotherKeyComparer_Throws()
    {
        var act = () => new ChurnAuditAccumulator<Customer, string>(c => c.Band, c => c.Churned)
            .Merge(new ChurnAuditAccumulator<Customer, string>(c => c.Band, c => c.Churned, keyComparer: StringComparer.OrdinalIgnoreCase));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Property]
    public bool MergeEqualsTheWhole_OrderDoesNotMatter_AndRatesStayWithinBounds(int seed)
    {
        var random = new Random(seed);
        var customers = Enumerable.Range(0, random.Next(100)).Select(_ => (Band: random.Next(5), Churned: random.Next(3) == 0)).ToList();
        static ChurnAuditAccumulator<(int Band, bool Churned), int> Create() => new(c => c.Band, c => c.Churned);

        var whole = Create().AddRange(customers).GetResult();
        var merged = Partitions.MergeAll<ChurnAuditAccumulator<(int Band, bool Churned), int>, (int Band, bool Churned), ChurnAudit<int>>(customers, seed, Create);
        var shuffled = Create().AddRange(Partitions.Shuffle(customers, seed)).GetResult();
        return merged == whole && shuffled == whole
               && whole.Groups.Sum(g => g.Customers) == customers.Count
               && whole.Groups.All(g => g.ChurnPercent.Value is >= 0 and <= 100);
    }
}
