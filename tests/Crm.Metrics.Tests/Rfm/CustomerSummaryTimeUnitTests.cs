using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Tests.Rfm;

public sealed class CustomerSummaryTimeUnitTests
{
    [Fact]
    public void Default_IsOneDay()
    {
        default(CustomerSummaryTimeUnit).Days.Should().Be(1);
        default(CustomerSummaryTimeUnit).Should().Be(CustomerSummaryTimeUnit.Day);
    }

    [Fact]
    public void Week_IsSevenDays_AndGivesExactDayFractions()
    {
        CustomerSummaryTimeUnit.Week.Days.Should().Be(7);
        CustomerSummaryTimeUnit.Week.FromDayCount(30).Should().Be(30 / 7.0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void FromDays_NotPositive_ThrowsNamingTheRule(int days)
    {
        var act = () => CustomerSummaryTimeUnit.FromDays(days);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(days))
            .WithMessage($"A summary time unit must be a positive number of days (was {days}).*");
    }

    [Fact]
    public void FromPeriod_WeeksAndDays_AddsThem()
        => CustomerSummaryTimeUnit.FromPeriod(Period.FromWeeks(2) + Period.FromDays(3)).Days.Should().Be(17);

    [Fact]
    public void FromPeriod_Zero_Throws()
    {
        var act = () => CustomerSummaryTimeUnit.FromPeriod(Period.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A summary time unit must be a positive number of days (was 0).*");
    }

    [Fact]
    public void FromPeriod_Months_ThrowsBecauseTheirLengthVaries()
    {
        var act = () => CustomerSummaryTimeUnit.FromPeriod(Period.FromMonths(1));

        act.Should().Throw<ArgumentException>().WithParameterName("period").WithMessage("*weeks and days*");
    }

    [Fact]
    public void FromPeriod_Hours_Throws()
    {
        var act = () => CustomerSummaryTimeUnit.FromPeriod(Period.FromHours(24));

        act.Should().Throw<ArgumentException>().WithParameterName("period");
    }

    [Fact]
    public void FromPeriod_Null_Throws()
    {
        var act = () => CustomerSummaryTimeUnit.FromPeriod(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Equality_And_ToString()
    {
        (CustomerSummaryTimeUnit.FromDays(7) == CustomerSummaryTimeUnit.Week).Should().BeTrue();
        (CustomerSummaryTimeUnit.Day != CustomerSummaryTimeUnit.Week).Should().BeTrue();
        CustomerSummaryTimeUnit.Week.ToString().Should().Be("7 days");
        CustomerSummaryTimeUnit.Day.ToString().Should().Be("1 day");
    }
}
