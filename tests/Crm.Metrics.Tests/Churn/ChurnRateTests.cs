using Crm.Metrics.Churn;
using Crm.Metrics.Retention;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Churn;

public sealed class ChurnRateTests
{
    [Fact]
    public void FromCounts_LostOverStart()
    {
        var result = ChurnRate.FromCounts(200, 30);

        result.ChurnPercent.Value.Should().Be(15);
        result.RetainedCustomers.Should().Be(170);
    }

    [Fact]
    public void FromCounts_NoStartingCustomers_IsUndefined()
        => ChurnRate.FromCounts(0, 0).ChurnPercent.UndefinedReason.Should().Contain("S = 0");

    [Fact]
    public void FromCounts_MoreLostThanThereWere_ThrowsNamingTheRule()
    {
        var act = () => ChurnRate.FromCounts(10, 11);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "lostCustomers").WithMessage("Lost customers must not exceed the customers at the start (S = 10).*");
    }

    [Theory]
    [InlineData(-1, 0, "startCustomers")]
    [InlineData(5, -1, "lostCustomers")]
    public void FromCounts_NegativeCount_Throws(long s, long lost, string name)
    {
        var act = () => ChurnRate.FromCounts(s, lost);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == name);
    }

    [Fact]
    public void FromRetention_UsesTheIdentifiedStartingCustomersOnly()
    {
        // 100 start, 90 kept; 20 new of whom 8 leave again: churn is 10 %, not 18 %.
        var retention = RetentionRate.FromCustomers(
            Enumerable.Range(0, 100), Enumerable.Range(100, 20), Enumerable.Range(0, 90).Concat(Enumerable.Range(100, 12)));

        var churn = ChurnRate.FromRetention(retention);

        churn.StartCustomers.Should().Be(100);
        churn.LostCustomers.Should().Be(10);
        churn.ChurnPercent.Value.Should().Be(10);
    }

    [Fact]
    public void FromRetention_CountsOnly_Throws()
    {
        var act = () => ChurnRate.FromRetention(RetentionRate.FromCounts(20, 5, 24));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "retention").WithMessage("*computed from counts only*");
    }

    [Property]
    public bool FromCounts_IsWithin0To100(ushort start, ushort lost)
    {
        var l = Math.Min(start, lost);
        var result = ChurnRate.FromCounts(start, l);
        return start == 0 ? !result.ChurnPercent.IsDefined : result.ChurnPercent.Value is >= 0 and <= 100;
    }
}
