using NodaTime;

namespace Crm.Loyalty.Tiers;

/// <summary>The window a tier is qualified in: rolling (the last N days, weeks, months or years), the calendar year or quarter, or the membership year, always in the program's time zone.</summary>
public sealed record TierWindow
{
    /// <summary>Creates a window; <see cref="Program.LoyaltyProgram.Validate"/> checks it (a rolling window needs a positive, date-only length).</summary>
    public TierWindow(TierWindowKind kind, Period? length = null)
    {
        Kind = kind;
        Length = length;
    }

    /// <summary>The local calendar year.</summary>
    public static TierWindow CalendarYear { get; } = new(TierWindowKind.CalendarYear);

    /// <summary>The local calendar quarter.</summary>
    public static TierWindow CalendarQuarter { get; } = new(TierWindowKind.CalendarQuarter);

    /// <summary>The membership year, from the local date of the member's first ledger entry.</summary>
    public static TierWindow Anniversary { get; } = new(TierWindowKind.Anniversary);

    /// <summary>How the window is placed.</summary>
    public TierWindowKind Kind { get; }

    /// <summary>The length of a rolling window (days, weeks, months or years; no time units); <see langword="null"/> for the other kinds.</summary>
    public Period? Length { get; }

    /// <summary>The last <paramref name="length"/> up to the as-of instant, starting at the beginning of a local day.</summary>
    public static TierWindow Rolling(Period length) => new(TierWindowKind.Rolling, length);

    /// <summary>The rule the window breaks, naming the field, or <see langword="null"/> when it is valid.</summary>
    internal string? Failure()
    {
        if (!Enum.IsDefined(Kind))
        {
            return $"LoyaltyProgram.TierWindow.Kind must be Rolling, CalendarYear, CalendarQuarter or Anniversary (was {Kind}).";
        }

        if (Kind != TierWindowKind.Rolling)
        {
            return Length is null ? null : $"LoyaltyProgram.TierWindow.Length applies to a rolling window only (the window is {Kind}).";
        }

        if (Length is not { } length)
        {
            return "LoyaltyProgram.TierWindow.Length must be set for a rolling window.";
        }

        var normal = length.Normalize();
        return normal.HasTimeComponent || normal.Years < 0 || normal.Months < 0 || normal.Days < 0 || normal.Equals(Period.Zero)
            ? $"LoyaltyProgram.TierWindow.Length must be a positive number of days, weeks, months or years; a window of zero length or with time units cannot qualify anyone (was {length})."
            : null;
    }

    /// <summary>The window holding <paramref name="asOf"/>: its start, and its end (the as-of instant for a rolling window, otherwise the period's end).</summary>
    internal (Instant Start, Instant End) Bounds(Instant asOf, DateTimeZone zone, LocalDate? joinedOn)
    {
        var date = asOf.InZone(zone).Date;
        (LocalDate start, LocalDate? end) = Kind switch
        {
            TierWindowKind.Rolling => (date.Minus(Length!).PlusDays(1), null),
            TierWindowKind.CalendarYear => (new LocalDate(date.Year, 1, 1), new LocalDate(date.Year, 1, 1).PlusYears(1)),
            TierWindowKind.CalendarQuarter => (new LocalDate(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1), new LocalDate(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1).PlusMonths(3)),
            TierWindowKind.Anniversary => AnniversaryYear(joinedOn ?? date, date),
            _ => throw new InvalidOperationException($"Unknown tier window kind {Kind}."),
        };
        return (zone.AtStartOfDay(start).ToInstant(), end is { } e ? zone.AtStartOfDay(e).ToInstant() : asOf);
    }

    private static (LocalDate Start, LocalDate? End) AnniversaryYear(LocalDate joinedOn, LocalDate date)
    {
        var years = date < joinedOn ? 0 : Period.Between(joinedOn, date, PeriodUnits.Years).Years;
        return (joinedOn.PlusYears(years), joinedOn.PlusYears(years + 1));
    }
}
