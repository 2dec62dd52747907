using Crm.Metrics.Retention;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Retention;

public sealed class RetentionRateTests
{
    [Fact]
    public void FromCounts_S20_N5_E24_Is95Percent()
    {
        var result = RetentionRate.FromCounts(20, 5, 24);

        result.RetentionPercent.Value.Should().Be(95);
        result.StartCustomers.Should().Be(20);
        result.NewCustomers.Should().Be(5);
        result.EndCustomers.Should().Be(24);
    }

    [Fact]
    public void FromCounts_S44_N12_E43_Is70Point45Percent_QuotedAs70()
    {
        // (43 − 12) / 44 = 31 / 44 = 0.704545…
        var result = RetentionRate.FromCounts(44, 12, 43);

        result.RetentionPercent.Value.Should().BeApproximately(70.454545454545, 1e-9);
        result.RetentionPercent.Round(0).Value.Should().Be(70);
    }

    [Fact]
    public void FromCounts_HasNoExactForm_AndSaysWhy()
    {
        var result = RetentionRate.FromCounts(20, 5, 24);

        result.RetainedCustomers.Should().BeNull();
        result.LostCustomers.Should().BeNull();
        result.NewCustomersLost.Should().BeNull();
        result.ExactRetentionPercent.IsDefined.Should().BeFalse();
        result.ExactRetentionPercent.UndefinedReason.Should().Contain("identities are unknown");
    }

    [Fact]
    public void FromCounts_NoStartingCustomers_IsUndefinedNotAnError()
    {
        var result = RetentionRate.FromCounts(0, 3, 2);

        result.RetentionPercent.IsDefined.Should().BeFalse();
        result.RetentionPercent.UndefinedReason.Should().Contain("S = 0");
    }

    [Fact]
    public void FromCounts_AllZero_IsUndefined()
        => RetentionRate.FromCounts(0, 0, 0).RetentionPercent.IsDefined.Should().BeFalse();

    [Theory]
    [InlineData(-1, 0, 0, "startCustomers")]
    [InlineData(1, -1, 0, "newCustomers")]
    [InlineData(1, 0, -1, "endCustomers")]
    public void FromCounts_NegativeCount_ThrowsNamingIt(long s, long n, long e, string name)
    {
        var act = () => RetentionRate.FromCounts(s, n, e);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == name);
    }

    [Fact]
    public void FromCounts_EndAboveStartPlusNew_ThrowsNamingTheRule()
    {
        var act = () => RetentionRate.FromCounts(20, 5, 26);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(x => x.ParamName == "endCustomers")
            .WithMessage("End customers E must not exceed start customers S plus new customers N (E = 26, S + N = 20 + 5).*");
    }

    [Fact]
    public void FromCounts_EndEqualToStartPlusNew_IsAccepted()
        => RetentionRate.FromCounts(20, 5, 25).RetentionPercent.Value.Should().Be(100);

    [Fact]
    public void FromCounts_CanGoNegative_WhenNewCustomersLeaveAgain()
        // S = 10, N = 5, E = 3: more new customers than end customers.
        => RetentionRate.FromCounts(10, 5, 3).RetentionPercent.Value.Should().Be(-20);

    [Fact]
    public void FromCustomers_NewCustomersLostInThePeriod_MakeTheCountFormUndercount()
    {
        // 100 starting customers, 90 kept; 20 new customers, 8 of whom leave again before the end.
        var start = Enumerable.Range(0, 100).ToList();
        var joined = Enumerable.Range(100, 20).ToList();
        var end = Enumerable.Range(0, 90).Concat(Enumerable.Range(100, 12)).ToList();

        var result = RetentionRate.FromCustomers(start, joined, end);

        result.StartCustomers.Should().Be(100);
        result.NewCustomers.Should().Be(20);
        result.EndCustomers.Should().Be(102);
        result.RetainedCustomers.Should().Be(90);
        result.LostCustomers.Should().Be(10);
        result.NewCustomersLost.Should().Be(8);
        // (E − N) / S = (102 − 20) / 100 = 82 %, while 90 % of the starting customers were kept: short by L / S = 8 %.
        result.RetentionPercent.Value.Should().Be(82);
        result.ExactRetentionPercent.Value.Should().Be(90);
    }

    [Fact]
    public void FromCustomers_WithoutNewCustomersLost_BothFormsAgree()
    {
        var result = RetentionRate.FromCustomers([1, 2, 3, 4], [5], [1, 2, 3, 5]);

        result.RetentionPercent.Value.Should().Be(75);
        result.ExactRetentionPercent.Value.Should().Be(75);
        result.NewCustomersLost.Should().Be(0);
    }

    [Fact]
    public void FromCustomers_DuplicatesCountOnce()
        => RetentionRate.FromCustomers([1, 1, 2], [], [1, 1]).ExactRetentionPercent.Value.Should().Be(50);

    [Fact]
    public void FromCustomers_NoStartingCustomers_IsUndefined()
    {
        var result = RetentionRate.FromCustomers([], [1], [1]);

        result.RetentionPercent.IsDefined.Should().BeFalse();
        result.ExactRetentionPercent.IsDefined.Should().BeFalse();
    }

    [Fact]
    public void FromCustomers_UsesTheComparer()
    {
        var result = RetentionRate.FromCustomers(["a", "b"], [], ["A"], StringComparer.OrdinalIgnoreCase);

        result.RetainedCustomers.Should().Be(1);
    }

    [Fact]
    public void FromCustomers_JoinedCustomerAlsoAtStart_Throws()
    {
        var act = () => RetentionRate.FromCustomers([1, 2], [2], [1]);

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "joined").WithMessage("*must not also be active at its start*");
    }

    [Fact]
    public void FromCustomers_EndCustomerFromNowhere_Throws()
    {
        var act = () => RetentionRate.FromCustomers([1, 2], [3], [1, 4]);

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "atEnd").WithMessage("*active at the start or have joined*");
    }

    [Fact]
    public void FromCustomers_NullSequence_Throws()
    {
        var act = () => RetentionRate.FromCustomers<int>(null!, [], []);

        act.Should().Throw<ArgumentNullException>().Where(x => x.ParamName == "atStart");
    }

    [Property]
    public bool FromCustomers_ExactIsWithin0To100_AndTheCountFormIsShortByTheNewCustomersLost(int seed)
    {
        var random = new Random(seed);
        var start = Enumerable.Range(0, random.Next(30)).ToList();
        var joined = Enumerable.Range(1000, random.Next(30)).ToList();
        var end = start.Concat(joined).Where(_ => random.Next(3) > 0).ToList();

        var result = RetentionRate.FromCustomers(start, joined, end);
        if (start.Count == 0)
        {
            return !result.RetentionPercent.IsDefined && !result.ExactRetentionPercent.IsDefined;
        }

        var exact = result.ExactRetentionPercent.Value;
        var gap = 100.0 * result.NewCustomersLost!.Value / start.Count;
        return exact is >= 0 and <= 100
               && result.RetentionPercent.Value <= exact + 1e-9
               && Math.Abs(exact - result.RetentionPercent.Value - gap) < 1e-9;
    }

    [Theory]
    [InlineData(17, 20, 0)] // found by the property: −2000/17 % is the bound itself, one bit apart in double arithmetic
    public void FromCounts_AtTheLowerBound_IsWithinIt(ushort s, ushort n, ushort e) => FromCounts_IsAtMost100_WheneverDefined(s, n, e).Should().BeTrue();

    [Property]
    public bool FromCounts_IsAtMost100_WheneverDefined(ushort s, ushort n, ushort e)
    {
        var end = Math.Min((long)e, (long)s + n);
        var result = RetentionRate.FromCounts(s, n, end);
        // The lower bound is computed here in double arithmetic, so it may differ from the result in the last bit.
        return s == 0 ? !result.RetentionPercent.IsDefined : result.RetentionPercent.Value <= 100 && result.RetentionPercent.Value >= (-100.0 * n / s) - 1e-9;
    }
}
