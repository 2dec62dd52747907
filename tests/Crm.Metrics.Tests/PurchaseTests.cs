using NodaTime;

namespace Crm.Metrics.Tests;

public sealed class PurchaseTests
{
    private static readonly DateTimeZone Kiritimati = DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]; // UTC+14

    [Fact]
    public void DateOnly_KeepsItsDateInEveryZone_AndHasNoInstant()
    {
        var purchase = new Purchase<string>("a", new LocalDate(2024, 3, 31), 12.5m);

        purchase.IsDateOnly.Should().BeTrue();
        purchase.At.Should().BeNull();
        purchase.Date.Should().Be(new LocalDate(2024, 3, 31));
        purchase.DateIn(Kiritimati).Should().Be(new LocalDate(2024, 3, 31));
        purchase.DateIn(DateTimeZoneProviders.Tzdb["Pacific/Pago_Pago"]).Should().Be(new LocalDate(2024, 3, 31));
        purchase.InstantIn(Kiritimati).Should().Be(Instant.FromUtc(2024, 3, 30, 10, 0), "the start of 31 March at UTC+14");
        purchase.ToString().Should().Be("a on 2024-03-31: 12.5");
    }

    [Fact]
    public void Instant_IsReadInTheZone()
    {
        var purchase = new Purchase<string>("a", Instant.FromUtc(2024, 3, 31, 12, 0), 3m);

        purchase.IsDateOnly.Should().BeFalse();
        purchase.Date.Should().BeNull();
        purchase.At.Should().Be(Instant.FromUtc(2024, 3, 31, 12, 0));
        purchase.DateIn(Kiritimati).Should().Be(new LocalDate(2024, 4, 1));
        purchase.InstantIn(Kiritimati).Should().Be(Instant.FromUtc(2024, 3, 31, 12, 0));
        purchase.ToString().Should().Be("a at 2024-03-31T12:00:00Z: 3");
    }

    [Fact]
    public void Equality_TellsADateFromTheMidnightInstantOfThatDate()
    {
        var date = new Purchase<string>("a", new LocalDate(2024, 3, 31), 1m);
        var midnight = new Purchase<string>("a", Instant.FromUtc(2024, 3, 31, 0, 0), 1m);

        date.Should().Be(new Purchase<string>("a", new LocalDate(2024, 3, 31), 1m));
        (date == midnight).Should().BeFalse();
        (date != midnight).Should().BeTrue();
        date.GetHashCode().Should().Be(new Purchase<string>("a", new LocalDate(2024, 3, 31), 1m).GetHashCode());
    }

    [Fact]
    public void NonIsoDate_Throws()
    {
        var act = () => new Purchase<string>("a", new LocalDate(2024, 3, 31, CalendarSystem.Julian), 1m);

        act.Should().Throw<ArgumentException>().WithParameterName("date");
    }

    [Fact]
    public void NullZone_Throws()
    {
        var purchase = new Purchase<string>("a", new LocalDate(2024, 3, 31), 1m);

        ((Action)(() => purchase.DateIn(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => purchase.InstantIn(null!))).Should().Throw<ArgumentNullException>();
    }
}
