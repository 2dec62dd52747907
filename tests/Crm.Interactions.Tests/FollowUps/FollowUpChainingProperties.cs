using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Interactions.Tests.FollowUps;

/// <summary>Invariants of counting business days in a calendar with weekends, holidays and DST changes.</summary>
public sealed class FollowUpChainingProperties
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly BusinessCalendar Calendar = new(
        Berlin, BusinessHours.Weekdays(new LocalTime(9, 0), new LocalTime(17, 0)), [new LocalDate(2025, 3, 31), new LocalDate(2025, 12, 25), new LocalDate(2025, 12, 26)]);

    private static readonly Instant Origin = Instant.FromUtc(2025, 1, 1, 0, 0);

    [Property(MaxTest = 300)]
    public bool AddingBusinessDays_LandsOnABusinessDay_AfterExactlyThatManyBusinessDays(ushort startHours, byte days)
    {
        var from = Origin + Duration.FromHours(startHours % 8760);
        var n = days % 20 + 1;

        var due = FollowUpChaining.AddBusinessDays(Calendar, from, n);

        var start = from.InZone(Berlin).Date;
        var end = due.InZone(Berlin).Date;
        var counted = 0;
        for (var d = start.PlusDays(1); d <= end; d = d.PlusDays(1))
        {
            counted += IsBusinessDay(d) ? 1 : 0;
        }

        return due > from && IsBusinessDay(end) && counted == n;
    }

    private static bool IsBusinessDay(LocalDate date)
        => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !Calendar.Holidays.Contains(date);
}
