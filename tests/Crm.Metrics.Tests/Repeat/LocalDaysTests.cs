using Crm.Metrics.Repeat;
using NodaTime;

namespace Crm.Metrics.Tests.Repeat;

public sealed class LocalDaysTests
{
    [Fact]
    public void YearMonth_EqualsNodaTimesIsoCalendar()
    {
        // Every 13th day of NodaTime's whole range, and every day of 1599–2400 (leap rules of 4, 100 and 400 years).
        var min = LocalDays.FromDate(new LocalDate(-9998, 1, 1));
        var max = LocalDays.FromDate(new LocalDate(9999, 12, 31));
        var days = Enumerable.Range(0, (max - min) / 13).Select(i => min + (i * 13))
            .Concat(Enumerable.Range(LocalDays.FromDate(new LocalDate(1599, 1, 1)), 366 * 802))
            .Append(max);

        foreach (var day in days)
        {
            LocalDays.YearMonth(day, out var year, out var month);
            var date = LocalDays.ToDate(day);
            (year, month).Should().Be((date.Year, date.Month), "day {0} is {1}", day, date);
        }
    }

    [Fact]
    public void Of_ReadsTheLocalDateInTheZone()
    {
        // 31 Jan 22:00 UTC is 1 Feb 02:00 in Yerevan; 1 Jan 1970 03:00 UTC is still 31 Dec 1969 in New York.
        var yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];

        LocalDays.ToDate(LocalDays.Of(Instant.FromUtc(2024, 1, 31, 22, 0), yerevan)).Should().Be(new LocalDate(2024, 2, 1));
        LocalDays.Of(Instant.FromUtc(1970, 1, 1, 3, 0), newYork).Should().Be(-1);
    }
}
