using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Tests.Support;

public sealed class BusinessCalendarTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static BusinessCalendar OfficeHours(params LocalDate[] holidays)
        => new(Berlin, BusinessHours.Weekdays(new LocalTime(9, 0), new LocalTime(17, 0)), holidays);

    private static Instant Local(int year, int month, int day, int hour, int minute = 0)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Berlin).ToInstant();

    [Fact]
    public void AddBusinessTime_OverAWeekend_ContinuesOnMonday()
    {
        var fridayLate = Local(2025, 1, 10, 16); // a Friday

        OfficeHours().AddBusinessTime(fridayLate, Duration.FromHours(2)).Should().Be(Local(2025, 1, 13, 10));
    }

    [Fact]
    public void AddBusinessTime_OverAHoliday_SkipsTheWholeDay()
    {
        var fridayLate = Local(2025, 1, 10, 16);

        OfficeHours(new LocalDate(2025, 1, 13)).AddBusinessTime(fridayLate, Duration.FromHours(2)).Should().Be(Local(2025, 1, 14, 10));
    }

    [Fact]
    public void AddBusinessTime_FromOutsideHours_StartsAtTheNextOpening()
    {
        OfficeHours().AddBusinessTime(Local(2025, 1, 7, 20), Duration.FromMinutes(30)).Should().Be(Local(2025, 1, 8, 9, 30));
    }

    [Fact]
    public void BusinessTimeBetween_CountsOnlyOpenHours()
    {
        OfficeHours().BusinessTimeBetween(Local(2025, 1, 10, 16), Local(2025, 1, 13, 10)).Should().Be(Duration.FromHours(2));
    }

    [Fact]
    public void AllDayWindows_AcrossDaylightSavingChanges_CountRealElapsedTime()
    {
        var allWeek = new BusinessCalendar(Berlin, BusinessHours.AllWeek());

        // 30 March 2025: clocks go forward (23-hour day); 26 October 2025: back (25-hour day).
        allWeek.BusinessTimeBetween(Local(2025, 3, 29, 0), Local(2025, 3, 31, 0)).Should().Be(Duration.FromHours(47));
        allWeek.BusinessTimeBetween(Local(2025, 10, 25, 0), Local(2025, 10, 27, 0)).Should().Be(Duration.FromHours(49));
        allWeek.AddBusinessTime(Local(2025, 3, 30, 0), Duration.FromHours(24)).Should().Be(Local(2025, 3, 31, 1));
    }

    [Fact]
    public void WindowAcrossTheSpringGap_LosesTheSkippedHour()
    {
        var night = new BusinessCalendar(Berlin, [new BusinessHours(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(4, 0))]);

        night.BusinessTimeBetween(Local(2025, 3, 30, 0), Local(2025, 3, 30, 5)).Should().Be(Duration.FromHours(2));
        night.BusinessTimeBetween(Local(2025, 3, 23, 0), Local(2025, 3, 23, 5)).Should().Be(Duration.FromHours(3));
    }

    [Fact]
    public void Calendar_WhoseHolidaysCloseEveryDay_FailsInsteadOfSearchingForever()
    {
        var start = new LocalDate(2025, 1, 1);
        var closed = new BusinessCalendar(DateTimeZone.Utc, BusinessHours.AllWeek(), Enumerable.Range(0, 4000).Select(d => start.PlusDays(d - 2)));

        var act = () => closed.AddBusinessTime(Instant.FromUtc(2025, 1, 1, 0, 0), Duration.FromHours(1));

        act.Should().Throw<InvalidOperationException>().WithMessage("*holidays*");
    }

    [Fact]
    public void OverlappingWindows_AreRejected()
    {
        var act = () => new BusinessCalendar(Berlin, [new BusinessHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(13, 0)), new BusinessHours(IsoDayOfWeek.Monday, new LocalTime(12, 0), new LocalTime(17, 0))]);

        act.Should().Throw<ArgumentException>().WithMessage("*overlap*");
    }
}
