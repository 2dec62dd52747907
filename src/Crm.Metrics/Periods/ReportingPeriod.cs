using NodaTime;
using NodaTime.Calendars;

namespace Crm.Metrics.Periods;

/// <summary>A range of calendar dates in a named time zone: the period a metric is evaluated over.</summary>
/// <remarks>
/// An event belongs to the period that its <see cref="Instant"/> falls in <em>in the period's zone</em>: 23:30 UTC on
/// 31 March is 1 April in Asia/Yerevan (UTC+4), so it belongs to April there. The period runs from the start of its first
/// date to the start of the day after its last date, in that zone (a half-open <see cref="Interval"/>), so daylight-saving
/// changes and days of 23 or 25 hours are handled by NodaTime.
/// </remarks>
public sealed class ReportingPeriod : IEquatable<ReportingPeriod>
{
    private ReportingPeriod(PeriodUnit unit, DateInterval dates, DateTimeZone zone)
    {
        Unit = unit;
        Dates = dates;
        Zone = zone;
        // The last ISO date (31 December 9999) has no following day: such a period runs to the end of time.
        Interval = new Interval(
            dates.Start.AtStartOfDayInZone(zone).ToInstant(),
            dates.End == LocalDate.MaxIsoValue ? null : dates.End.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
    }

    /// <summary>The calendar unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>The dates of the period, both ends inclusive.</summary>
    public DateInterval Dates { get; }

    /// <summary>The zone the dates are read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The instants the period covers: from the start of its first day up to, not including, the start of the day after its last.</summary>
    public Interval Interval { get; }

    /// <summary>The ISO week <paramref name="week"/> of the ISO week-based year <paramref name="weekYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The week does not exist in that week-year.</exception>
    public static ReportingPeriod IsoWeek(int weekYear, int week, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var rule = WeekYearRules.Iso;
        var weeks = rule.GetWeeksInWeekYear(weekYear);
        if (week < 1 || week > weeks)
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"Week must be between 1 and {weeks} in ISO week-year {weekYear}.");
        }

        var monday = rule.GetLocalDate(weekYear, week, IsoDayOfWeek.Monday);
        return new ReportingPeriod(PeriodUnit.IsoWeek, new DateInterval(monday, monday.PlusDays(6)), zone);
    }

    /// <summary>The calendar month <paramref name="month"/> of <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month is not 1–12.</exception>
    public static ReportingPeriod Month(int year, int month, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var start = new LocalDate(year, month, 1);
        return new ReportingPeriod(PeriodUnit.Month, new DateInterval(start, start.PlusMonths(1).PlusDays(-1)), zone);
    }

    /// <summary>The calendar quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The quarter is not 1–4.</exception>
    public static ReportingPeriod Quarter(int year, int quarter, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return new ReportingPeriod(PeriodUnit.Quarter, new DateInterval(start, start.PlusMonths(3).PlusDays(-1)), zone);
    }

    /// <summary>The calendar year <paramref name="year"/>.</summary>
    public static ReportingPeriod Year(int year, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ReportingPeriod(PeriodUnit.Year, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)), zone);
    }

    /// <summary>A custom inclusive range of dates.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static ReportingPeriod Custom(LocalDate start, LocalDate end, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"A period must not end ({end:uuuu-MM-dd}) before it starts ({start:uuuu-MM-dd}).");
        }

        if (start.Calendar != CalendarSystem.Iso || end.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Period dates must be in the ISO calendar.", nameof(start));
        }

        return new ReportingPeriod(PeriodUnit.Custom, new DateInterval(start, end), zone);
    }

    /// <summary>A custom range of dates.</summary>
    public static ReportingPeriod Custom(DateInterval dates, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return Custom(dates.Start, dates.End, zone);
    }

    /// <summary>The period of the given unit that holds <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is <see cref="PeriodUnit.Custom"/> or unknown.</exception>
    public static ReportingPeriod Containing(LocalDate date, PeriodUnit unit, DateTimeZone zone) => unit switch
    {
        PeriodUnit.IsoWeek => IsoWeek(WeekYearRules.Iso.GetWeekYear(date), WeekYearRules.Iso.GetWeekOfWeekYear(date), zone),
        PeriodUnit.Month => Month(date.Year, date.Month, zone),
        PeriodUnit.Quarter => Quarter(date.Year, ((date.Month - 1) / 3) + 1, zone),
        PeriodUnit.Year => Year(date.Year, zone),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Containing needs a calendar unit: IsoWeek, Month, Quarter or Year."),
    };

    /// <summary>The period of the given unit that holds <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static ReportingPeriod Containing(Instant instant, PeriodUnit unit, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Containing(instant.InZone(zone).Date, unit, zone);
    }

    /// <summary>Whether <paramref name="instant"/> falls in this period, read in <see cref="Zone"/>.</summary>
    public bool Contains(Instant instant) => Interval.Contains(instant);

    /// <summary>Whether <paramref name="date"/> is one of this period's dates.</summary>
    public bool Contains(LocalDate date) => Dates.Contains(date);

    /// <summary>The period of the same unit and length that follows this one.</summary>
    public ReportingPeriod Next() => Offset(1);

    /// <summary>The period of the same unit and length that precedes this one.</summary>
    public ReportingPeriod Previous() => Offset(-1);

    /// <summary>The period <paramref name="count"/> units after (or, if negative, before) this one.</summary>
    public ReportingPeriod Offset(int count) => Unit switch
    {
        PeriodUnit.IsoWeek => Containing(Dates.Start.PlusWeeks(count), Unit, Zone),
        PeriodUnit.Month => Containing(Dates.Start.PlusMonths(count), Unit, Zone),
        PeriodUnit.Quarter => Containing(Dates.Start.PlusMonths(3 * count), Unit, Zone),
        PeriodUnit.Year => Containing(Dates.Start.PlusYears(count), Unit, Zone),
        _ => Custom(Dates.Start.PlusDays(count * Dates.Length), Dates.End.PlusDays(count * Dates.Length), Zone),
    };

    /// <summary>The number of whole periods of this unit from this period to <paramref name="other"/> (0 when they are the same).</summary>
    /// <exception cref="InvalidOperationException">This is a custom period.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> has another unit or zone.</exception>
    public int PeriodsUntil(ReportingPeriod other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Unit != Unit || !other.Zone.Equals(Zone))
        {
            throw new ArgumentException($"PeriodsUntil needs a period of the same unit and zone ({Unit}, {Zone.Id}); got ({other.Unit}, {other.Zone.Id}).", nameof(other));
        }

        return Unit switch
        {
            PeriodUnit.IsoWeek => Period.Between(Dates.Start, other.Dates.Start, PeriodUnits.Weeks).Weeks,
            PeriodUnit.Month => Period.Between(Dates.Start, other.Dates.Start, PeriodUnits.Months).Months,
            PeriodUnit.Quarter => Period.Between(Dates.Start, other.Dates.Start, PeriodUnits.Months).Months / 3,
            PeriodUnit.Year => Period.Between(Dates.Start, other.Dates.Start, PeriodUnits.Years).Years,
            _ => throw new InvalidOperationException("PeriodsUntil needs a calendar unit; a custom period has no fixed successor count."),
        };
    }

    /// <inheritdoc />
    public bool Equals(ReportingPeriod? other)
        => other is not null && Unit == other.Unit && Dates.Equals(other.Dates) && Zone.Equals(other.Zone);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReportingPeriod);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, Dates, Zone);

    /// <summary>The period as "2024-04-01..2024-04-30 (Month, Asia/Yerevan)".</summary>
    public override string ToString() => $"{Dates.Start:uuuu-MM-dd}..{Dates.End:uuuu-MM-dd} ({Unit}, {Zone.Id})";
}
