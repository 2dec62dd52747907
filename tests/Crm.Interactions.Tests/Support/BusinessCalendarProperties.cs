using Crm.Interactions.Support;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Interactions.Tests.Support;

/// <summary>Invariants of business-time arithmetic in a calendar with weekends, holidays and DST changes.</summary>
public sealed class BusinessCalendarProperties
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly BusinessCalendar Calendar = new(
        Berlin,
        [.. BusinessHours.Weekdays(new LocalTime(8, 30), new LocalTime(12, 0)), .. BusinessHours.Weekdays(new LocalTime(13, 0), new LocalTime(17, 30)), new BusinessHours(IsoDayOfWeek.Sunday, new LocalTime(0, 0), new LocalTime(4, 0))],
        [new LocalDate(2025, 3, 31), new LocalDate(2025, 12, 25)]);

    private static readonly Instant Origin = Instant.FromUtc(2025, 1, 1, 0, 0);

    [Property(MaxTest = 300)]
    public bool AddingBusinessTime_ThenMeasuringIt_GivesItBack(ushort startMinutes, ushort amountMinutes)
    {
        var from = Origin + Duration.FromMinutes(startMinutes * 7L);
        var amount = Duration.FromMinutes(amountMinutes % 5000);

        var due = Calendar.AddBusinessTime(from, amount);

        return Calendar.BusinessTimeBetween(from, due) == amount && due >= from;
    }

    [Property(MaxTest = 300)]
    public bool BusinessTime_IsAdditiveOverSplitPoints(ushort a, ushort b, ushort c)
    {
        var points = new[] { a, b, c }.Select(m => Origin + Duration.FromMinutes(m * 11L)).Order().ToArray();

        var whole = Calendar.BusinessTimeBetween(points[0], points[2]);
        var parts = Calendar.BusinessTimeBetween(points[0], points[1]) + Calendar.BusinessTimeBetween(points[1], points[2]);

        return whole == parts && whole <= points[2] - points[0];
    }
}
