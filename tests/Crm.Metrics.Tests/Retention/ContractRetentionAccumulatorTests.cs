using Crm.Metrics.Periods;
using Crm.Metrics.Retention;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Retention;

public sealed class ContractRetentionAccumulatorTests
{
    private static readonly ReportingPeriod April = ReportingPeriod.Month(2024, 4, DateTimeZone.Utc);

    private static Instant On(int month, int day) => Instant.FromUtc(2024, month, day, 0, 0);

    private static CustomerContract<string> C(string customer, Instant start, Instant? end = null) => new(customer, start, end);

    [Fact]
    public void Calculate_ClassifiesEveryBoundaryCase()
    {
        var contracts = new[]
        {
            C("kept", On(1, 1)),
            C("lost-mid-period", On(1, 1), On(4, 15)),
            C("new-kept", On(4, 10)),
            C("new-lost", On(4, 5), On(4, 20)),
            C("starts-at-t0", On(4, 1)),
            C("starts-at-t1", On(5, 1)),
            C("ends-at-t1", On(1, 1), On(5, 1)),
            C("re-signed", On(1, 1), On(4, 10)),
            C("re-signed", On(4, 20)),
            C("gone-before", On(1, 1), On(3, 1)),
        };

        var result = RetentionRate.FromContracts(contracts, April);

        // S = kept, lost-mid-period, starts-at-t0, ends-at-t1, re-signed; N = new-kept, new-lost;
        // E = kept, new-kept, starts-at-t0, re-signed; retained = kept, starts-at-t0, re-signed.
        result.StartCustomers.Should().Be(5);
        result.NewCustomers.Should().Be(2);
        result.EndCustomers.Should().Be(4);
        result.RetainedCustomers.Should().Be(3);
        result.NewCustomersLost.Should().Be(1);
        result.RetentionPercent.Value.Should().Be(40);
        result.ExactRetentionPercent.Value.Should().Be(60);
    }

    [Fact]
    public void EndOfOnePeriod_IsStartOfTheNext_ExceptContractsStartingAtTheBoundary()
    {
        var contracts = new[] { C("a", On(1, 1)), C("b", On(4, 3)), C("c", On(5, 1)), C("d", On(2, 1), On(5, 1)) };

        var april = RetentionRate.FromContracts(contracts, April);
        var may = RetentionRate.FromContracts(contracts, April.Next());

        april.EndCustomers.Should().Be(2);
        may.StartCustomers.Should().Be(3, "c starts exactly at 1 May: in May's S, not in April's E");
    }

    [Fact]
    public void Calculate_NoContracts_IsUndefined()
    {
        var result = RetentionRate.FromContracts(Array.Empty<CustomerContract<int>>(), April);

        result.StartCustomers.Should().Be(0);
        result.RetentionPercent.IsDefined.Should().BeFalse();
        result.ExactRetentionPercent.IsDefined.Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Add_ContractEndingAtOrBeforeItsStart_Throws(int days)
    {
        var act = () => new ContractRetentionAccumulator<string>(April).Add(C("x", On(4, 10), On(4, 10) + Duration.FromDays(days)));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "item").WithMessage("A contract's end must be after its start*");
    }

    [Fact]
    public void Add_DefaultContract_Throws()
    {
        var act = () => new ContractRetentionAccumulator<string>(April).Add(default);

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "item");
    }

    [Fact]
    public void Constructor_NullPeriod_Throws()
    {
        var act = () => new ContractRetentionAccumulator<int>(null!);

        act.Should().Throw<ArgumentNullException>().Where(x => x.ParamName == "period");
    }

    [Fact]
    public void Merge_AnotherPeriod_Throws()
    {
        var act = () => new ContractRetentionAccumulator<int>(April).Merge(new ContractRetentionAccumulator<int>(April.Next()));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Fact]
    public void Merge_Null_Throws()
    {
        var act = () => new ContractRetentionAccumulator<int>(April).Merge(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole_AndOrderDoesNotMatter(int seed)
    {
        var contracts = RandomContracts(seed);
        var whole = RetentionRate.FromContracts(contracts, April);
        var merged = Partitions.MergeAll<ContractRetentionAccumulator<int>, CustomerContract<int>, RetentionResult>(
            contracts, seed, () => new ContractRetentionAccumulator<int>(April));
        var shuffled = RetentionRate.FromContracts(Partitions.Shuffle(contracts, seed), April);
        return merged == whole && shuffled == whole
               && whole.EndCustomers <= whole.StartCustomers + whole.NewCustomers
               && (!whole.ExactRetentionPercent.IsDefined || whole.ExactRetentionPercent.Value is >= 0 and <= 100);
    }

    private static List<CustomerContract<int>> RandomContracts(int seed)
    {
        var random = new Random(seed);
        var origin = Instant.FromUtc(2024, 3, 1, 0, 0);
        return Enumerable.Range(0, random.Next(60)).Select(_ =>
        {
            var start = origin + Duration.FromHours(random.Next(24 * 92));
            Instant? end = random.Next(3) == 0 ? null : start + Duration.FromHours(1 + random.Next(24 * 60));
            return new CustomerContract<int>(random.Next(20), start, end);
        }).ToList();
    }
}
