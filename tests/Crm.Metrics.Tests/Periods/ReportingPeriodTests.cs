using Crm.Metrics.Periods;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Periods;

public sealed class ReportingPeriodTests
{
    private static readonly DateTimeZone Yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    [Fact]
    public void AnEventLateOn31MarchUtc_BelongsToAprilInYerevan()
    {
        // 23:30 UTC is 03:30 on 1 April in Asia/Yerevan (UTC+4).
        var at = Instant.FromUtc(2024, 3, 31, 23, 30);

        ReportingPeriod.Month(2024, 4, Yerevan).Contains(at).Should().BeTrue();
        ReportingPeriod.Month(2024, 3, Yerevan).Contains(at).Should().BeFalse();
        ReportingPeriod.Containing(at, PeriodUnit.Month, Yerevan).Should().Be(ReportingPeriod.Month(2024, 4, Yerevan));
        ReportingPeriod.Containing(at, PeriodUnit.Month, DateTimeZone.Utc).Should().Be(ReportingPeriod.Month(2024, 3, DateTimeZone.Utc));
    }

    [Fact]
    public void Month_InYerevan_StartsAtLocalMidnight()
    {
        var april = ReportingPeriod.Month(2024, 4, Yerevan);

        april.Interval.Start.Should().Be(Instant.FromUtc(2024, 3, 31, 20, 0));
        april.Interval.End.Should().Be(Instant.FromUtc(2024, 4, 30, 20, 0));
        april.Contains(Instant.FromUtc(2024, 3, 31, 19, 59, 59)).Should().BeFalse();
        april.Contains(Instant.FromUtc(2024, 3, 31, 20, 0)).Should().BeTrue();
        april.Contains(Instant.FromUtc(2024, 4, 30, 20, 0)).Should().BeFalse("the end is exclusive: it is 1 May in Yerevan");
    }

    [Fact]
    public void IsoWeek53_SpansTheYearBoundary()
    {
        // 2020 has 53 ISO weeks; week 53 runs Monday 28 Dec 2020 to Sunday 3 Jan 2021.
        var week = ReportingPeriod.IsoWeek(2020, 53, DateTimeZone.Utc);

        week.Dates.Start.Should().Be(new LocalDate(2020, 12, 28));
        week.Dates.End.Should().Be(new LocalDate(2021, 1, 3));
        week.Contains(new LocalDate(2021, 1, 1)).Should().BeTrue();
        ReportingPeriod.Containing(new LocalDate(2021, 1, 3), PeriodUnit.IsoWeek, DateTimeZone.Utc).Should().Be(week);
        ReportingPeriod.Containing(new LocalDate(2021, 1, 4), PeriodUnit.IsoWeek, DateTimeZone.Utc)
            .Should().Be(ReportingPeriod.IsoWeek(2021, 1, DateTimeZone.Utc));
    }

    [Fact]
    public void IsoWeek1_CanStartInThePreviousCalendarYear()
    {
        // 30 Dec 2024 is a Monday and belongs to ISO week 1 of 2025.
        var period = ReportingPeriod.Containing(new LocalDate(2024, 12, 30), PeriodUnit.IsoWeek, DateTimeZone.Utc);

        period.Should().Be(ReportingPeriod.IsoWeek(2025, 1, DateTimeZone.Utc));
        period.Dates.End.Should().Be(new LocalDate(2025, 1, 5));
    }

    [Fact]
    public void IsoWeek53_InAYearWithOnly52Weeks_ThrowsNamingTheWeek()
    {
        var act = () => ReportingPeriod.IsoWeek(2021, 53, DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "week")
            .WithMessage("Week must be between 1 and 52 in ISO week-year 2021.*");
    }

    [Fact]
    public void IsoWeek_Offset_CrossesWeek53()
    {
        var week52 = ReportingPeriod.IsoWeek(2020, 52, DateTimeZone.Utc);

        week52.Next().Should().Be(ReportingPeriod.IsoWeek(2020, 53, DateTimeZone.Utc));
        week52.Offset(2).Should().Be(ReportingPeriod.IsoWeek(2021, 1, DateTimeZone.Utc));
        week52.PeriodsUntil(ReportingPeriod.IsoWeek(2021, 1, DateTimeZone.Utc)).Should().Be(2);
    }

    [Fact]
    public void SpringForwardDay_InLondon_Lasts23Hours()
    {
        var day = ReportingPeriod.Custom(new LocalDate(2024, 3, 31), new LocalDate(2024, 3, 31), London);

        day.Interval.Duration.Should().Be(Duration.FromHours(23));
        ReportingPeriod.Month(2024, 3, London).Interval.Duration.Should().Be(Duration.FromHours((31 * 24) - 1));
    }

    [Fact]
    public void FallBackDay_InLondon_Lasts25Hours()
    {
        var day = ReportingPeriod.Custom(new LocalDate(2024, 10, 27), new LocalDate(2024, 10, 27), London);

        day.Interval.Duration.Should().Be(Duration.FromHours(25));
        // 00:30 UTC and 01:30 UTC are both on 27 October in London (01:30 BST, then 01:30 GMT).
        day.Contains(Instant.FromUtc(2024, 10, 27, 0, 30)).Should().BeTrue();
        day.Contains(Instant.FromUtc(2024, 10, 27, 1, 30)).Should().BeTrue();
    }

    [Fact]
    public void ADayWhoseMidnightDoesNotExist_StartsAtTheFirstValidInstant()
    {
        // São Paulo moved clocks from 00:00 to 01:00 (UTC−3 to UTC−2) on 4 Nov 2018: the day starts at 01:00 local = 03:00 UTC.
        var day = ReportingPeriod.Custom(new LocalDate(2018, 11, 4), new LocalDate(2018, 11, 4), SaoPaulo);

        day.Interval.Start.Should().Be(Instant.FromUtc(2018, 11, 4, 3, 0));
        day.Interval.Duration.Should().Be(Duration.FromHours(23));
    }

    [Fact]
    public void Custom_IsInclusiveOfBothDates()
    {
        var period = ReportingPeriod.Custom(new LocalDate(2024, 1, 10), new LocalDate(2024, 1, 12), DateTimeZone.Utc);

        period.Unit.Should().Be(PeriodUnit.Custom);
        period.Interval.Should().Be(new Interval(Instant.FromUtc(2024, 1, 10, 0, 0), Instant.FromUtc(2024, 1, 13, 0, 0)));
        period.Contains(Instant.FromUtc(2024, 1, 12, 23, 59, 59)).Should().BeTrue();
        period.Contains(Instant.FromUtc(2024, 1, 13, 0, 0)).Should().BeFalse();
    }

    [Fact]
    public void Custom_SingleDay_IsAllowed()
        => ReportingPeriod.Custom(new LocalDate(2024, 2, 29), new LocalDate(2024, 2, 29), DateTimeZone.Utc).Dates.Length.Should().Be(1);

    [Fact]
    public void Custom_Offset_MovesByItsOwnLength()
    {
        var period = ReportingPeriod.Custom(new LocalDate(2024, 1, 10), new LocalDate(2024, 1, 12), DateTimeZone.Utc);

        period.Next().Dates.Equals(new DateInterval(new LocalDate(2024, 1, 13), new LocalDate(2024, 1, 15))).Should().BeTrue();
        period.Previous().Dates.Equals(new DateInterval(new LocalDate(2024, 1, 7), new LocalDate(2024, 1, 9))).Should().BeTrue();
    }

    [Fact]
    public void Custom_EndBeforeStart_ThrowsNamingTheEnd()
    {
        var act = () => ReportingPeriod.Custom(new LocalDate(2024, 1, 12), new LocalDate(2024, 1, 10), DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "end")
            .WithMessage("A period must not end (2024-01-10) before it starts (2024-01-12).*");
    }

    [Fact]
    public void Custom_NonIsoCalendar_Throws()
    {
        var julian = new LocalDate(2024, 1, 1, CalendarSystem.Julian);

        var act = () => ReportingPeriod.Custom(julian, julian.PlusDays(3), DateTimeZone.Utc);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "start");
    }

    [Fact]
    public void Custom_NullZone_Throws()
    {
        var act = () => ReportingPeriod.Custom(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2), null!);

        act.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "zone");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Month_OutsideOneToTwelve_ThrowsNamingTheMonth(int month)
    {
        var act = () => ReportingPeriod.Month(2024, month, DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "month");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Quarter_OutsideOneToFour_ThrowsNamingTheQuarter(int quarter)
    {
        var act = () => ReportingPeriod.Quarter(2024, quarter, DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "quarter");
    }

    [Fact]
    public void Containing_CustomUnit_ThrowsNamingTheUnit()
    {
        var act = () => ReportingPeriod.Containing(new LocalDate(2024, 1, 1), PeriodUnit.Custom, DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "unit")
            .WithMessage("Containing needs a calendar unit*");
    }

    [Fact]
    public void PeriodsUntil_CustomPeriod_Throws()
    {
        var period = ReportingPeriod.Custom(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2), DateTimeZone.Utc);

        var act = () => period.PeriodsUntil(period);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void PeriodsUntil_AnotherUnitOrZone_ThrowsNamingTheRule()
    {
        var march = ReportingPeriod.Month(2024, 3, DateTimeZone.Utc);
        var yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];

        FluentActions.Invoking(() => march.PeriodsUntil(ReportingPeriod.Quarter(2024, 2, DateTimeZone.Utc)))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "other").WithMessage("*same unit and zone*");
        FluentActions.Invoking(() => march.PeriodsUntil(ReportingPeriod.Month(2024, 5, yerevan)))
            .Should().Throw<ArgumentException>().WithMessage("*same unit and zone*");
    }

    [Fact]
    public void Year9999_RunsToTheEndOfTime()
    {
        var last = ReportingPeriod.Year(9999, DateTimeZone.Utc);

        last.Interval.HasEnd.Should().BeFalse();
        last.Contains(Instant.FromUtc(9999, 12, 31, 23, 59)).Should().BeTrue();
        last.Contains(Instant.FromUtc(9998, 12, 31, 23, 59)).Should().BeFalse();
    }

    [Fact]
    public void Quarter_CoversThreeMonths_AndCountsAcrossYears()
    {
        var q4 = ReportingPeriod.Quarter(2023, 4, DateTimeZone.Utc);

        q4.Dates.Equals(new DateInterval(new LocalDate(2023, 10, 1), new LocalDate(2023, 12, 31))).Should().BeTrue();
        q4.Next().Should().Be(ReportingPeriod.Quarter(2024, 1, DateTimeZone.Utc));
        q4.PeriodsUntil(ReportingPeriod.Quarter(2024, 3, DateTimeZone.Utc)).Should().Be(3);
        ReportingPeriod.Quarter(2024, 3, DateTimeZone.Utc).PeriodsUntil(q4).Should().Be(-3);
    }

    [Fact]
    public void Year_LeapYear_Has366Days()
        => ReportingPeriod.Year(2024, DateTimeZone.Utc).Dates.Length.Should().Be(366);

    [Fact]
    public void Equality_DependsOnTheZone()
    {
        ReportingPeriod.Month(2024, 4, Yerevan).Should().Be(ReportingPeriod.Month(2024, 4, Yerevan));
        ReportingPeriod.Month(2024, 4, Yerevan).Should().NotBe(ReportingPeriod.Month(2024, 4, DateTimeZone.Utc));
    }

    [Fact]
    public void ToString_ShowsDatesUnitAndZone()
        => ReportingPeriod.Month(2024, 4, Yerevan).ToString().Should().Be("2024-04-01..2024-04-30 (Month, Asia/Yerevan)");

    [Property]
    public bool Containing_HoldsTheInstant_AndOffsetRoundTrips(int seconds, byte unitIndex, sbyte offset)
    {
        var units = new[] { PeriodUnit.IsoWeek, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.Year };
        var unit = units[unitIndex % units.Length];
        var at = Instant.FromUnixTimeSeconds(seconds);
        var period = ReportingPeriod.Containing(at, unit, London);
        var moved = period.Offset(offset);
        return period.Contains(at)
               && !period.Previous().Contains(at)
               && !period.Next().Contains(at)
               && period.PeriodsUntil(moved) == offset
               && moved.Offset(-offset).Equals(period)
               && period.Next().Interval.Start == period.Interval.End;
    }
}
