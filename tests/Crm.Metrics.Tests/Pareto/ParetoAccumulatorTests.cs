using Crm.Metrics.Pareto;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Pareto;

public sealed class ParetoAccumulatorTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 1, 1, 0, 0);

    private static Purchase<string> P(string customer, decimal amount) => new(customer, At, amount);

    // Totals: c 100, a 50, b 50, d 0 → ranked c, a, b, d; total 200.
    private static readonly Purchase<string>[] Sample = [P("b", 20m), P("c", 100m), P("a", 50m), P("b", 30m), P("d", 0m)];

    [Fact]
    public void Ranking_LargestFirst_EqualTotalsInCustomerOrder()
    {
        var result = ParetoAnalysis.Calculate(Sample);

        result.Ranked.Select(r => (r.Customer, r.Amount, r.Rank)).Should().Equal(("c", 100m, 1), ("a", 50m, 2), ("b", 50m, 3), ("d", 0m, 4));
        result.Customers.Should().Be(4);
        result.TotalAmount.Should().Be(200m);
        result.Top(2).Select(r => r.Customer).Should().Equal("c", "a");
        result.Top(10).Should().HaveCount(4);
        result.Top(0).Should().BeEmpty();
    }

    [Theory]
    [InlineData(0.2, 1, 100, 0.5)]   // ⌈0.8⌉ = 1 customer
    [InlineData(0.25, 1, 100, 0.5)]  // ⌈1.0⌉ = 1
    [InlineData(0.5, 2, 150, 0.75)]
    [InlineData(1, 4, 200, 1)]
    public void TopShare_TakesTheCeilingOfTheFractionOfCustomers_AndGivesAFraction(double x, long top, int amount, double share)
    {
        var result = ParetoAnalysis.Calculate(Sample).TopShare(x);

        result.TopCustomers.Should().Be(top);
        result.TopAmount.Should().Be(amount);
        result.Share.Value.Should().Be(share);
        result.SharePercent.Value.Should().Be(share * 100);
        result.TopFraction.Should().Be(x);
        result.Customers.Should().Be(4);
    }

    [Theory]
    [InlineData(0.8, 3, 0.75)]   // 100, 150 < 160 ≤ 200
    [InlineData(0.75, 2, 0.5)]   // 150 ≥ 150: exactly reaching the share is enough
    [InlineData(0.5, 1, 0.25)]
    [InlineData(1, 3, 0.75)]     // d adds nothing
    public void CustomersForShare_FindsTheFewestCustomers(double y, long needed, double customerShare)
    {
        var result = ParetoAnalysis.Calculate(Sample).CustomersForShare(y);

        result.CustomersNeeded.Should().Be(needed);
        result.CustomerShare.Value.Should().Be(customerShare);
        result.CustomerSharePercent.Value.Should().Be(customerShare * 100);
        result.AmountReached.Should().BeGreaterThanOrEqualTo((decimal)y * result.TotalAmount);
    }

    [Fact]
    public void RefundsNetOutInTheCustomersTotal()
    {
        var result = ParetoAnalysis.Calculate([P("a", 100m), P("a", -80m), P("b", 30m)]);

        result.Ranked.Select(r => r.Customer).Should().Equal("b", "a");
        result.TotalAmount.Should().Be(50m);
    }

    [Fact]
    public void NoCustomers_SharesAreUndefined()
    {
        var result = ParetoAnalysis.Calculate(Array.Empty<Purchase<string>>());

        result.IsDefined.Should().BeFalse();
        result.TopShare().Share.UndefinedReason.Should().Be("no customers");
        result.TopShare().SharePercent.IsDefined.Should().BeFalse();
        result.CustomersForShare().CustomerShare.IsDefined.Should().BeFalse();
    }

    [Fact]
    public void TotalNotPositive_SharesAreUndefined()
    {
        var result = ParetoAnalysis.Calculate([P("a", 10m), P("b", -10m)]);

        result.TopShare().SharePercent.UndefinedReason.Should().Contain("not positive");
        result.CustomersForShare(0.5).CustomersNeeded.Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(20)]
    [InlineData(double.NaN)]
    public void Fractions_OutsideZeroToOne_ThrowNamingTheRule(double value)
    {
        var result = ParetoAnalysis.Calculate(Sample);

        ((Action)(() => result.TopShare(value))).Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "topFraction")
            .WithMessage("The share must be a fraction greater than 0 and at most 1*");
        ((Action)(() => result.CustomersForShare(value))).Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "amountFraction");
    }

    [Fact]
    public void Top_NegativeCount_Throws()
    {
        var act = () => ParetoAnalysis.Calculate(Sample).Top(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "count");
    }

    [Fact]
    public void Constructor_CustomerTypeWithoutOrder_NeedsAnOrder()
    {
        var act = () => new ParetoAccumulator<object>();

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "customerOrder");
    }

    [Fact]
    public void GetResult_OrderThatCannotTellCustomersApart_Throws()
    {
        var accumulator = new ParetoAccumulator<string>(customerOrder: Comparer<string>.Create((_, _) => 0));
        accumulator.Add(P("a", 5m));
        accumulator.Add(P("b", 5m));

        var act = accumulator.GetResult;

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Merge_AnotherOrder_Throws()
    {
        var act = () => new ParetoAccumulator<string>().Merge(new ParetoAccumulator<string>(customerOrder: StringComparer.OrdinalIgnoreCase));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Property]
    public bool MergeEqualsTheWhole_OrderDoesNotMatter_AndSharesStayWithinBounds(int seed, byte x)
    {
        var purchases = RandomPurchases.Generate(seed);
        var whole = ParetoAnalysis.Calculate(purchases);
        var merged = Partitions.MergeAll<ParetoAccumulator<int>, Purchase<int>, ParetoResult<int>>(purchases, seed, () => new ParetoAccumulator<int>());
        var shuffled = ParetoAnalysis.Calculate(Partitions.Shuffle(purchases, seed));
        var fraction = (1 + (x % 100)) / 100.0;
        var share = whole.TopShare(fraction);
        var same = merged.Ranked.SequenceEqual(whole.Ranked) && shuffled.Ranked.SequenceEqual(whole.Ranked);
        if (!whole.IsDefined)
        {
            return same && !share.Share.IsDefined;
        }

        return same
               && share.Share.Value >= fraction - 1e-9 && share.Share.Value <= 1 + 1e-9
               && whole.CustomersForShare(fraction).CustomerShare.Value <= fraction + (1.0 / whole.Customers);
    }
}
