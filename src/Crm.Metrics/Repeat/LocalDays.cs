using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>Allocation-free conversions between instants, local dates in a zone and day numbers (days since 1970-01-01).</summary>
internal static class LocalDays
{
    private const long SecondsPerDay = 86_400;
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>The number of the local date of <paramref name="instant"/> in <paramref name="zone"/>, in days since 1970-01-01.</summary>
    public static int Of(Instant instant, DateTimeZone zone)
    {
        var local = instant.ToUnixTimeSeconds() + zone.GetUtcOffset(instant).Seconds;
        return (int)FloorDiv(local, SecondsPerDay);
    }

    /// <summary>The day number of a purchase: its instant's local date in <paramref name="zone"/>, or its date when it is date-only.</summary>
    public static int Of<TCustomer>(in Purchase<TCustomer> purchase, DateTimeZone zone)
        where TCustomer : notnull
        => purchase.IsDateOnly ? (int)FloorDiv(purchase.RawInstant.ToUnixTimeSeconds(), SecondsPerDay) : Of(purchase.RawInstant, zone);

    /// <summary>The local date of a day number.</summary>
    public static LocalDate ToDate(int day) => Epoch.PlusDays(day);

    /// <summary>The day number of a local date.</summary>
    public static int FromDate(LocalDate date) => Period.Between(Epoch, date, PeriodUnits.Days).Days;

    /// <summary>The ISO year and month (1–12) of a day number, by arithmetic alone.</summary>
    /// <remarks>
    /// Counts in 400-year eras of 146,097 days starting on 1 March, so that the leap day ends a year; exact for every day
    /// of the proleptic Gregorian (ISO) calendar that fits in an int, and equal to NodaTime's ISO date for its range.
    /// </remarks>
    public static void YearMonth(int day, out int year, out int month)
    {
        var shifted = day + 719_468L; // days since 0000-03-01
        var era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097;
        var dayOfEra = shifted - (era * 146_097); // 0–146,096
        var yearOfEra = (dayOfEra - (dayOfEra / 1_460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365; // 0–399
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100)); // 0–365, from 1 March
        var monthFromMarch = ((5 * dayOfYear) + 2) / 153; // 0–11
        month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
    }

    /// <summary>⌊a / b⌋ for b &gt; 0.</summary>
    public static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
