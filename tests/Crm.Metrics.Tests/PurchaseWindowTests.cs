using NodaTime;

namespace Crm.Metrics.Tests;

public sealed class PurchaseWindowTests
{
    private static readonly DateTimeZone Yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];

    [Fact]
    public void Contains_ReadsAnInstantsDayInTheZone_AndADateAsIs()
    {
        var window = PurchaseWindow.Through(new LocalDate(2024, 3, 31), Yerevan);

        // 22:30 UTC on 31 March is 1 April in Yerevan (UTC+4).
        window.Contains(new Purchase<int>(1, Instant.FromUtc(2024, 3, 31, 22, 30), 1m)).Should().BeFalse();
        window.Contains(new Purchase<int>(1, Instant.FromUtc(2024, 3, 31, 19, 30), 1m)).Should().BeTrue();
        window.Contains(new Purchase<int>(1, new LocalDate(2024, 3, 31), 1m)).Should().BeTrue();
        window.Contains(new Purchase<int>(1, new LocalDate(1900, 1, 1), 1m)).Should().BeTrue("the window is open at the start");
    }

    [Fact]
    public void Bounds_AreInclusive()
    {
        var window = PurchaseWindow.Between(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31), DateTimeZone.Utc);

        window.Contains(new Purchase<int>(1, new LocalDate(2023, 12, 31), 1m)).Should().BeFalse();
        window.Contains(new Purchase<int>(1, new LocalDate(2024, 1, 1), 1m)).Should().BeTrue();
        window.Contains(new Purchase<int>(1, new LocalDate(2024, 1, 31), 1m)).Should().BeTrue();
        window.Contains(new Purchase<int>(1, new LocalDate(2024, 2, 1), 1m)).Should().BeFalse();
        PurchaseWindow.From(new LocalDate(2024, 1, 1), DateTimeZone.Utc).Contains(new Purchase<int>(1, new LocalDate(9000, 1, 1), 1m)).Should().BeTrue();
        PurchaseWindow.All(DateTimeZone.Utc).Contains(new Purchase<int>(1, Instant.MinValue, 1m)).Should().BeTrue();
    }

    [Fact]
    public void EndBeforeStart_ThrowsNamingTheRule()
    {
        var act = () => PurchaseWindow.Between(new LocalDate(2024, 2, 1), new LocalDate(2024, 1, 31), DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("end").WithMessage("The last day of a purchase window (2024-01-31) must not be before its first day (2024-02-01)*");
    }

    [Fact]
    public void NullZone_AndNonIsoDates_Throw()
    {
        ((Action)(() => PurchaseWindow.All(null!))).Should().Throw<ArgumentNullException>().WithParameterName("zone");
        ((Action)(() => PurchaseWindow.Through(new LocalDate(2024, 1, 1, CalendarSystem.Julian), DateTimeZone.Utc))).Should().Throw<ArgumentException>().WithParameterName("end");
        ((Action)(() => PurchaseWindow.From(new LocalDate(2024, 1, 1, CalendarSystem.Julian), DateTimeZone.Utc))).Should().Throw<ArgumentException>().WithParameterName("start");
    }

    [Fact]
    public void EqualityAndText_FollowTheZoneAndBounds()
    {
        PurchaseWindow.Through(new LocalDate(2024, 1, 31), DateTimeZone.Utc).Should().Be(PurchaseWindow.Between(null, new LocalDate(2024, 1, 31), DateTimeZone.Utc));
        PurchaseWindow.Through(new LocalDate(2024, 1, 31), DateTimeZone.Utc).Should().NotBe(PurchaseWindow.Through(new LocalDate(2024, 1, 31), Yerevan));
        PurchaseWindow.Through(new LocalDate(2024, 1, 31), Yerevan).ToString().Should().Be("…..2024-01-31 (Asia/Yerevan)");
        PurchaseWindow.Between(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31), DateTimeZone.Utc).ToString().Should().Be("2024-01-01..2024-01-31 (UTC)");
    }
}
