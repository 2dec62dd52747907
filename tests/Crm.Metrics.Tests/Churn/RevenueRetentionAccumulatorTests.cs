using Crm.Metrics.Churn;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Churn;

public sealed class RevenueRetentionAccumulatorTests
{
    private static CustomerRevenue<string> R(string customer, decimal start, decimal end) => new(customer, start, end);

    [Fact]
    public void Calculate_SplitsMovementsAndComputesGrrAndNrr()
    {
        var lines = new[]
        {
            R("expands", 100, 120), R("expands", 0, 10), // summed: 100 → 130, expansion 30
            R("contracts", 100, 70),                     // contraction 30
            R("churns", 50, 0),                          // churned 50
            R("new", 0, 40),                             // new revenue, outside both ratios
            R("flat", 200, 200),
        };

        var result = ChurnRate.RevenueRetention(lines);

        result.StartingRevenue.Should().Be(450m);
        result.Expansion.Should().Be(30m);
        result.Contraction.Should().Be(30m);
        result.ChurnedRevenue.Should().Be(50m);
        result.NewRevenue.Should().Be(40m);
        result.EndingRevenue.Should().Be(440m);
        result.StartingCustomers.Should().Be(4);
        result.ChurnedCustomers.Should().Be(1);
        result.NewCustomers.Should().Be(1);
        // GRR = (450 − 30 − 50) / 450 = 82.2…%; NRR = (450 + 30 − 30 − 50) / 450 = 88.8…%.
        result.GrossRevenueRetentionPercent.Value.Should().BeApproximately(82.2222222222, 1e-9);
        result.NetRevenueRetentionPercent.Value.Should().BeApproximately(88.8888888889, 1e-9);
        result.CustomerChurnPercent.Value.Should().Be(25);
    }

    [Fact]
    public void Nrr_ExceedsOneHundred_WhenExpansionOutweighsLosses()
    {
        var result = ChurnRate.RevenueRetention([R("a", 100, 150), R("b", 100, 80)]);

        result.GrossRevenueRetentionPercent.Value.Should().Be(90);
        result.NetRevenueRetentionPercent.Value.Should().Be(115);
        result.GrossRevenueRetention.Value.Should().Be(0.9);
        result.NetRevenueRetention.Value.Should().Be(1.15);
    }

    [Fact]
    public void MovingRevenueBetweenLinesOfOneCustomer_IsNeitherExpansionNorContraction()
    {
        var result = ChurnRate.RevenueRetention([R("a", 100, 0), R("a", 0, 100)]);

        result.Expansion.Should().Be(0);
        result.Contraction.Should().Be(0);
        result.ChurnedRevenue.Should().Be(0);
        result.GrossRevenueRetentionPercent.Value.Should().Be(100);
    }

    [Fact]
    public void Calculate_NoStartingRevenue_IsUndefined()
    {
        var result = ChurnRate.RevenueRetention([R("new", 0, 40)]);

        result.GrossRevenueRetentionPercent.UndefinedReason.Should().Contain("no recurring revenue at the start");
        result.NetRevenueRetentionPercent.IsDefined.Should().BeFalse();
        result.CustomerChurnPercent.IsDefined.Should().BeFalse();
        ChurnRate.RevenueRetention(Array.Empty<CustomerRevenue<string>>()).GrossRevenueRetentionPercent.IsDefined.Should().BeFalse();
    }

    [Theory]
    [InlineData(-1, 0, "Start revenue must not be negative (was -1).*")]
    [InlineData(0, -2, "End revenue must not be negative (was -2).*")]
    public void Add_NegativeRevenue_ThrowsNamingTheRule(int start, int end, string message)
    {
        var act = () => new RevenueRetentionAccumulator<string>().Add(R("a", start, end));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "item").WithMessage(message);
    }

    [Fact]
    public void Add_DefaultLine_Throws()
    {
        var act = () => new RevenueRetentionAccumulator<string>().Add(default);

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "item");
    }

    [Fact]
    public void Merge_AnotherComparer_Throws()
    {
        var act = () => new RevenueRetentionAccumulator<string>().Merge(new RevenueRetentionAccumulator<string>(StringComparer.OrdinalIgnoreCase));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Property]
    public bool GrrWithin0To100_NrrAtLeastGrr_AndMergeEqualsTheWhole(int seed)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, random.Next(80))
            .Select(_ => new CustomerRevenue<int>(random.Next(25), random.Next(3) == 0 ? 0 : random.Next(10_000) / 100m, random.Next(3) == 0 ? 0 : random.Next(10_000) / 100m))
            .ToList();

        var whole = ChurnRate.RevenueRetention(lines);
        var merged = Partitions.MergeAll<RevenueRetentionAccumulator<int>, CustomerRevenue<int>, RevenueRetention>(lines, seed, () => new RevenueRetentionAccumulator<int>());
        var shuffled = ChurnRate.RevenueRetention(Partitions.Shuffle(lines, seed));
        var bounds = !whole.GrossRevenueRetentionPercent.IsDefined
                     || (whole.GrossRevenueRetentionPercent.Value is >= 0 and <= 100
                         && whole.NetRevenueRetentionPercent.Value >= whole.GrossRevenueRetentionPercent.Value);
        return bounds && merged == whole && shuffled == whole && whole.EndingRevenue == lines.Sum(l => l.EndRevenue);
    }
}
