using System.Globalization;
using NodaTime;

namespace Crm.Metrics.Rfm;

/// <summary>The unit that recency, age (T) and holdout duration of a <see cref="CustomerSummary{TCustomer}"/> are expressed in: a whole, positive number of days.</summary>
/// <remarks>
/// Purchases are always grouped by calendar <em>day</em> (in the summary's zone); the unit only scales the elapsed days,
/// so a week gives exact day fractions such as 30/7 = 4.2857… weeks. This is what the BG/NBD literature does with the
/// CDNOW data (t_x and T in weeks = days / 7). The default value of this struct is <see cref="Day"/>.
/// </remarks>
public readonly struct CustomerSummaryTimeUnit : IEquatable<CustomerSummaryTimeUnit>
{
    // Stored minus one so that default(CustomerSummaryTimeUnit) is a valid unit (one day), never zero.
    private readonly int _daysMinusOne;

    private CustomerSummaryTimeUnit(int days) => _daysMinusOne = days - 1;

    /// <summary>One calendar day.</summary>
    public static CustomerSummaryTimeUnit Day => default;

    /// <summary>One week of seven days.</summary>
    public static CustomerSummaryTimeUnit Week { get; } = new(7);

    /// <summary>The number of days in one unit (at least 1).</summary>
    public int Days => _daysMinusOne + 1;

    /// <summary>A unit of <paramref name="days"/> days.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is zero or negative.</exception>
    public static CustomerSummaryTimeUnit FromDays(int days)
    {
        if (days <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A summary time unit must be a positive number of days (was {days}).");
        }

        return new CustomerSummaryTimeUnit(days);
    }

    /// <summary>A unit given as a NodaTime <see cref="Period"/> made of weeks and days only, e.g. <c>Period.FromWeeks(1)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> has months, years or a time part, whose length in days is not fixed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is zero or negative.</exception>
    public static CustomerSummaryTimeUnit FromPeriod(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Years != 0 || period.Months != 0 || period.HasTimeComponent)
        {
            throw new ArgumentException($"A summary time unit must be a whole number of weeks and days, whose length is fixed (was {period}).", nameof(period));
        }

        var days = (period.Weeks * 7L) + period.Days;
        if (days <= 0 || days > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A summary time unit must be a positive number of days (was {days}).");
        }

        return new CustomerSummaryTimeUnit((int)days);
    }

    /// <summary>Converts a number of days into this unit, exactly as <c>days / Days</c>.</summary>
    public double FromDayCount(int days) => days / (double)Days;

    /// <inheritdoc />
    public bool Equals(CustomerSummaryTimeUnit other) => _daysMinusOne == other._daysMinusOne;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomerSummaryTimeUnit other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _daysMinusOne;

    /// <summary>The unit as "1 day", "7 days".</summary>
    public override string ToString() => Days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{Days} days");

    /// <summary>Compares two units for equality.</summary>
    public static bool operator ==(CustomerSummaryTimeUnit left, CustomerSummaryTimeUnit right) => left.Equals(right);

    /// <summary>Compares two units for inequality.</summary>
    public static bool operator !=(CustomerSummaryTimeUnit left, CustomerSummaryTimeUnit right) => !left.Equals(right);
}
