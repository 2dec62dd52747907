using Crm.Metrics.Repeat;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Repeat;

public sealed class LocalDayReaderTests
{
    // Daylight saving, a half-hour shift (Lord Howe), a skipped calendar day (Apia, end of 2011) and a zone without
    // transitions.
    private static readonly string[] ZoneIds = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata", "UTC"];

    [Property]
    public bool DayOf_EqualsTheZonesOwnOffset_ForInstantsInAnyOrder(int seed)
    {
        var random = new Random(seed);
        var zone = DateTimeZoneProviders.Tzdb[ZoneIds[random.Next(ZoneIds.Length)]];
        var reader = new LocalDayReader(zone);
        var from = Instant.FromUtc(1850, 1, 1, 0, 0);
        var span = (Instant.FromUtc(2150, 1, 1, 0, 0) - from).TotalTicks;
        for (var i = 0; i < 2_000; i++)
        {
            var at = from + Duration.FromTicks((long)(random.NextDouble() * span));
            if (reader.DayOf(at) != LocalDays.Of(at, zone))
            {
                return false;
            }
        }

        return true;
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void DayOf_AroundEveryTransition_EqualsTheZonesOwnOffset(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var reader = new LocalDayReader(zone);
        var transitions = zone.GetZoneIntervals(Instant.FromUtc(1900, 1, 1, 0, 0), Instant.FromUtc(2100, 1, 1, 0, 0))
            .Where(z => z.HasStart).Select(z => z.Start).ToList();

        // More transitions than the reader remembers, read forwards then backwards, a nanosecond either side of each.
        foreach (var at in transitions.Concat(Enumerable.Reverse(transitions))
                     .SelectMany(t => new[] { t - Duration.Epsilon, t, t + Duration.Epsilon }))
        {
            reader.DayOf(at).Should().Be(LocalDays.Of(at, zone), "{0} in {1}", at, zoneId);
        }
    }

    [Fact]
    public void DayOf_AtTheEndsOfTime_EqualsTheZonesOwnOffset()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var reader = new LocalDayReader(zone);

        foreach (var at in new[] { Instant.MinValue, Instant.MaxValue, Instant.FromUnixTimeTicks(-1), Instant.FromUnixTimeTicks(0), Instant.MinValue + Duration.FromDays(1) })
        {
            reader.DayOf(at).Should().Be(LocalDays.Of(at, zone), "{0}", at);
        }
    }

    [Fact]
    public void YearMonth_EqualsNodaTimesIsoCalendar()
    {
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

    public static TheoryData<string> Zones() => new(ZoneIds);
}
