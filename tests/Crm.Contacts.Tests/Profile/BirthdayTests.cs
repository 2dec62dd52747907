using Crm.Contacts.Profile;
using NodaTime;

namespace Crm.Contacts.Tests.Profile;

public sealed class BirthdayTests
{
    [Fact]
    public void ThirtiethOfFebruary_IsRejectedWithAClearMessage()
        => FluentActions.Invoking(() => new Birthday(2, 30))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("Birthday day must be between 1 and 29 in February (was 30).*");

    [Fact]
    public void ThirtyFirstOfApril_IsRejected()
        => FluentActions.Invoking(() => new Birthday(4, 31)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 1 and 30 in April*");

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Month_OutOfRange_IsRejected(int month)
        => FluentActions.Invoking(() => new Birthday(month, 1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*month must be between 1 and 12*");

    [Fact]
    public void Day_Zero_IsRejected()
        => FluentActions.Invoking(() => new Birthday(1, 0)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void TwentyNinthOfFebruary_WithoutYear_IsValid()
    {
        var birthday = new Birthday(2, 29);
        birthday.IsLeapDay.Should().BeTrue();
        birthday.Year.Should().BeNull();
        birthday.AnnualDate.Should().Be(new AnnualDate(2, 29));
    }

    [Fact]
    public void TwentyNinthOfFebruary_InALeapYear_IsValid()
        => new Birthday(2, 29, 2000).DateOfBirth.Should().Be(new LocalDate(2000, 2, 29));

    [Fact]
    public void TwentyNinthOfFebruary_InANonLeapYear_IsRejected()
        => FluentActions.Invoking(() => new Birthday(2, 29, 1900)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*needs a leap year (1900 is not one)*");

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Year_OutOfRange_IsRejected(int year)
        => FluentActions.Invoking(() => new Birthday(1, 1, year)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void TwentyNinthOfFebruary_FallsOnTwentyEighth_InNonLeapYears()
    {
        var birthday = new Birthday(2, 29);
        birthday.InYear(2025).Should().Be(new LocalDate(2025, 2, 28));
        birthday.InYear(2028).Should().Be(new LocalDate(2028, 2, 29));
        birthday.NextOnOrAfter(new LocalDate(2025, 3, 1)).Should().Be(new LocalDate(2026, 2, 28));
    }

    [Fact]
    public void AgeOn_CountsWholeYears_AndLeapDayAgesOnTwentyEighth()
    {
        var birthday = new Birthday(2, 29, 2000);
        birthday.AgeOn(new LocalDate(2025, 2, 27)).Should().Be(24);
        birthday.AgeOn(new LocalDate(2025, 2, 28)).Should().Be(25);
        birthday.AgeOn(new LocalDate(1999, 1, 1)).Should().BeNull();
        new Birthday(5, 4).AgeOn(new LocalDate(2025, 1, 1)).Should().BeNull();
    }

    [Fact]
    public void FromDateOfBirth_And_ToString()
    {
        new Birthday(new LocalDate(1985, 7, 9)).ToString().Should().Be("1985-07-09");
        new Birthday(7, 9).ToString().Should().Be("--07-09");
    }

    [Fact]
    public void Default_IsEmpty_AndHasNoAnnualDate()
    {
        default(Birthday).IsEmpty.Should().BeTrue();
        FluentActions.Invoking(() => default(Birthday).AnnualDate).Should().Throw<InvalidOperationException>();
    }
}
