using System.Collections.Immutable;
using NodaTime;
using NodaTime.TimeZones;

namespace Crm.Interactions.Support;

/// <summary>When a support team works: weekly opening hours and holidays, in the tenant's time zone. SLA timers count only this time.</summary>
/// <remarks>
/// <para>Hours are local times of <see cref="Zone"/>, so a window keeps its local start and end across daylight-saving
/// changes: a 00:00–24:00 window lasts 23 hours on the day clocks go forward and 25 on the day they go back. A local time
/// skipped by a change is shifted forward by the gap; an ambiguous one takes the earlier instant for a start and the later
/// for an end, so no business time is lost.</para>
/// <para>A holiday closes its whole local date. Searches look at most <see cref="MaxSearchDays"/> days ahead, so a
/// calendar whose holidays close every day fails instead of searching forever.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>How many days ahead a search for business time looks before giving up.</summary>
    public const int MaxSearchDays = 3 * 366;

    private static readonly ZoneLocalMappingResolver EndResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    private readonly ImmutableArray<BusinessHours>[] _byDay = new ImmutableArray<BusinessHours>[8];

    /// <summary>Creates a calendar.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No hours are given, or two windows of the same day overlap.</exception>
    public BusinessCalendar(DateTimeZone zone, IEnumerable<BusinessHours> weeklyHours, IEnumerable<LocalDate>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        var hours = weeklyHours.ToImmutableArray();
        if (hours.IsEmpty || hours.Any(static h => h is null))
        {
            throw new ArgumentException("A business calendar needs at least one window of business hours, and no null window.", nameof(weeklyHours));
        }

        for (var d = 1; d <= 7; d++)
        {
            var day = hours.Where(h => (int)h.Day == d).OrderBy(static h => h.Start).ToImmutableArray();
            for (var i = 1; i < day.Length; i++)
            {
                if (day[i - 1].EndsAtMidnight || day[i - 1].End > day[i].Start)
                {
                    throw new ArgumentException($"Business hours of {(IsoDayOfWeek)d} overlap ({day[i - 1]} and {day[i]}).", nameof(weeklyHours));
                }
            }

            _byDay[d] = day;
        }

        Zone = zone;
        WeeklyHours = hours;
        Holidays = (holidays ?? []).ToImmutableSortedSet();
    }

    /// <summary>The time zone the hours and holidays are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The weekly opening windows.</summary>
    public IReadOnlyList<BusinessHours> WeeklyHours { get; }

    /// <summary>Dates on which the team does not work.</summary>
    public IReadOnlySet<LocalDate> Holidays { get; }

    /// <summary>Open all day, every day, in UTC: SLA timers then count wall-clock time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(DateTimeZone.Utc, BusinessHours.AllWeek());

    /// <summary>How much business time lies between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    /// <exception cref="InvalidOperationException">No business time exists within <see cref="MaxSearchDays"/> days while the span is still open.</exception>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        var total = Duration.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (start, end) in OpenWindows(from, to))
        {
            total += Min(end, to) - start;
        }

        return total;
    }

    /// <summary>The instant at which <paramref name="amount"/> of business time has passed since <paramref name="from"/>.</summary>
    /// <remarks>Zero business time from a closed instant answers <paramref name="from"/> itself.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no business time within <see cref="MaxSearchDays"/> days.</exception>
    public Instant AddBusinessTime(Instant from, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The business time to add must not be negative.");
        }

        if (amount == Duration.Zero)
        {
            return from;
        }

        var remaining = amount;
        foreach (var (start, end) in OpenWindows(from, null))
        {
            var length = end - start;
            if (remaining <= length)
            {
                return start + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Unreachable: OpenWindows throws when it runs out of days.");
    }

    /// <summary>The open windows from <paramref name="from"/> (the first clipped to it) until one starts at or after <paramref name="until"/>.</summary>
    private IEnumerable<(Instant Start, Instant End)> OpenWindows(Instant from, Instant? until)
    {
        var date = from.InZone(Zone).Date.PlusDays(-1); // a window of the previous local date may still be open
        var emptyDays = 0;
        while (true)
        {
            var any = false;
            if (!Holidays.Contains(date))
            {
                foreach (var hours in _byDay[(int)date.DayOfWeek])
                {
                    var start = date.At(hours.Start).InZone(Zone, Resolvers.LenientResolver).ToInstant();
                    var end = (hours.EndsAtMidnight ? date.PlusDays(1).AtMidnight() : date.At(hours.End)).InZone(Zone, EndResolver).ToInstant();
                    if (until is { } u && start >= u)
                    {
                        yield break;
                    }

                    if (end <= from)
                    {
                        continue;
                    }

                    any = true;
                    yield return (Max(start, from), end);
                }
            }

            emptyDays = any ? 0 : emptyDays + 1;
            if (emptyDays > MaxSearchDays)
            {
                throw new InvalidOperationException($"The business calendar has no business time in {MaxSearchDays} days after {from}: check its holidays.");
            }

            date = date.PlusDays(1);
            if (until is { } limit && date.AtStartOfDayInZone(Zone).ToInstant() >= limit + Duration.FromDays(1))
            {
                yield break;
            }
        }
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    /// <summary>The zone, the number of windows and holidays.</summary>
    public override string ToString() => $"{Zone.Id}: {WeeklyHours.Count} weekly window(s), {Holidays.Count} holiday(s)";
}
