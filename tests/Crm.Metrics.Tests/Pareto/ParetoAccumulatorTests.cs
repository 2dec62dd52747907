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
    [InlineData(20, 1, 100, 50)]   // ⌈0.8⌉ = 1 customer
    [InlineData(25, 1, 100, 50)]   // ⌈1.0⌉ = 1
    [InlineData(50, 2, 150, 75)]
    [InlineData(100, 4, 200, 100)]
    public void TopShare_TakesTheCeilingOfXPercentOfCustomers(double x, long top, int amount, double share)
    {
        var result = ParetoAnalysis.Calculate(Sample).TopShare(x);

        result.TopCustomers.Should().Be(top);
        result.TopAmount.Should().Be(amount);
        result.SharePercentage.Value.Should().Be(share);
        result.TopPercentage.Should().Be(x);
        result.Customers.Should().Be(4);
    }

    [Theory]
    [InlineData(80, 3, 75)]   // 100, 150 < 160 ≤ 200
    [InlineData(75, 2, 50)]   // 150 ≥ 150: exactly reaching the share is enough
    [InlineData(50, 1, 25)]
    [InlineData(100, 3, 75)]  // d adds nothing
    public void CustomersForShare_FindsTheFewestCustomers(double y, long needed, double customerShare)
    {
        var result = ParetoAnalysis.Calculate(Sample).CustomersForShare(y);

        result.CustomersNeeded.Should().Be(needed);
        result.CustomerSharePercentage.Value.Should().Be(customerShare);
        (result.AmountReached * 100).Should().BeGreaterThanOrEqualTo((decimal)y * result.TotalAmount);
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
        result.TopShare().SharePercentage.UndefinedReason.Should().Be("no customers");
        result.CustomersForShare().CustomerSharePercentage.IsDefined.Should().BeFalse();
    }

    [Fact]
    public void TotalNotPositive_SharesAreUndefined()
    {
        var result = ParetoAnalysis.Calculate([P("a", 10m), P("b", -10m)]);

        result.TopShare().SharePercentage.UndefinedReason.Should().Contain("not positive");
        result.CustomersForShare(50).CustomersNeeded.Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Percentages_OutsideZeroToHundred_ThrowNamingTheRule(double value)
    {
        var result = ParetoAnalysis.Calculate(Sample);

        ((Action)(() => result.TopShare(value))).Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "topPercentage")
            .WithMessage("The percentage must be greater than 0 and at most 100*");
        ((Action)(() => result.CustomersForShare(value))).Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "amountPercentage");
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
        var accumulator = new ParetoAccumulator<string>(Comparer<string>.Create((_, _) => 0));
        accumulator.Add(P("a", 5m));
        accumulator.Add(P("b", 5m));

        var act = accumulator.GetResult;

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Merge_AnotherOrder_Throws()
    {
        var act = () => new ParetoAccumulator<string>().Merge(new ParetoAccumulator<string>(StringComparer.OrdinalIgnoreCase));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Property]
    public bool MergeEqualsTheWhole_OrderDoesNotMatter_AndSharesStayWithinBounds(int seed, byte x)
    {
        var purchases = RandomPurchases.Generate(seed);
        var whole = ParetoAnalysis.Calculate(purchases);
        var merged = Partitions.MergeAll<ParetoAccumulator<int>, Purchase<int>, ParetoResult<int>>(purchases, seed, () => new ParetoAccumulator<int>());
        var shuffled = ParetoAnalysis.Calculate(Partitions.Shuffle(purchases, seed));
        var percent = 1 + (x % 100);
        var share = whole.TopShare(percent);
        var same = merged.Ranked.SequenceEqual(whole.Ranked) && shuffled.Ranked.SequenceEqual(whole.Ranked);
        if (!whole.IsDefined)
        {
            return same && !share.SharePercentage.IsDefined;
        }

        return same
               && share.SharePercentage.Value >= percent - 1e-9 && share.SharePercentage.Value <= 100 + 1e-9
               && whole.CustomersForShare(percent).CustomerSharePercentage.Value <= percent + (100.0 / whole.Customers);
    }
}
