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

    /// <summary>The local date of a day number.</summary>
    public static LocalDate ToDate(int day) => Epoch.PlusDays(day);

    /// <summary>The day number of a local date.</summary>
    public static int FromDate(LocalDate date) => Period.Between(Epoch, date, PeriodUnits.Days).Days;

    /// <summary>⌊a / b⌋ for b &gt; 0.</summary>
    public static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
