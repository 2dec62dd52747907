using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>One opening window of a weekday in a <see cref="BusinessCalendar"/>, in the calendar's local time.</summary>
/// <remarks><see cref="End"/> equal to <see cref="LocalTime.Midnight"/> means the end of the day (24:00); otherwise it must be after <see cref="Start"/>.</remarks>
public sealed class BusinessHours
{
    /// <summary>Creates the window.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is not a weekday value, or the window is empty.</exception>
    public BusinessHours(IsoDayOfWeek day, LocalTime start, LocalTime end)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "BusinessHours.Day must be Monday to Sunday.");
        }

        if (end != LocalTime.Midnight && end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "BusinessHours.End must be after Start (or midnight for the end of the day).");
        }

        Day = day;
        Start = start;
        End = end;
    }

    /// <summary>The weekday.</summary>
    public IsoDayOfWeek Day { get; }

    /// <summary>When the window opens, local time.</summary>
    public LocalTime Start { get; }

    /// <summary>When it closes, local time (midnight: end of the day).</summary>
    public LocalTime End { get; }

    /// <summary>Whether the window lasts to the end of the day.</summary>
    public bool EndsAtMidnight => End == LocalTime.Midnight;

    /// <summary>Monday to Friday, <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is empty.</exception>
    public static IReadOnlyList<BusinessHours> Weekdays(LocalTime start, LocalTime end)
        => [.. Enumerable.Range(1, 5).Select(d => new BusinessHours((IsoDayOfWeek)d, start, end))];

    /// <summary>Every day, all day.</summary>
    public static IReadOnlyList<BusinessHours> AllWeek()
        => [.. Enumerable.Range(1, 7).Select(d => new BusinessHours((IsoDayOfWeek)d, LocalTime.Midnight, LocalTime.Midnight))];

    /// <summary>The day and window, e.g. <c>Monday 09:00-17:00</c>.</summary>
    public override string ToString() => $"{Day} {Start:HH':'mm}-{(EndsAtMidnight ? "24:00" : End.ToString("HH':'mm", null))}";
}
