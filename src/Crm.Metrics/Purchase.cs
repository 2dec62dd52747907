using System.Globalization;
using NodaTime;

namespace Crm.Metrics;

/// <summary>One purchase by one customer: the raw event most calculators read, dated by an instant or by a calendar date.</summary>
/// <typeparam name="TCustomer">The host's customer key (a Guid, a long, a strongly typed id…).</typeparam>
/// <remarks>
/// <para>
/// A purchase is dated either by the <see cref="Instant"/> it happened at (<see cref="At"/>) or, when only its day is known
/// (an export with a date column), by a <see cref="LocalDate"/> (<see cref="Date"/>). Calculators read an instant's day in
/// their configured zone; a date-only purchase keeps its date in every zone, with no conversion to an instant and back, so a
/// wrong zone cannot move it to another day. Calculators that need an instant (activity retention) take the start of that
/// date in their zone.
/// </para>
/// <para>
/// The amount is in the one currency every purchase of a calculation shares; it may be zero, and negative only for refunds
/// where a calculator says it accepts them.
/// </para>
/// </remarks>
public readonly struct Purchase<TCustomer> : IEquatable<Purchase<TCustomer>>
    where TCustomer : notnull
{
    // A date-only purchase keeps its date as the instant of its midnight in UTC, so that its day number needs no zone.
    private readonly Instant _at;
    private readonly bool _dateOnly;

    /// <summary>A purchase that happened at an instant.</summary>
    /// <param name="customer">Who bought.</param>
    /// <param name="at">When the purchase happened.</param>
    /// <param name="amount">The purchase value.</param>
    public Purchase(TCustomer customer, Instant at, decimal amount)
    {
        Customer = customer;
        _at = at;
        Amount = amount;
    }

    /// <summary>A purchase known only by its calendar date (in whatever zone the date was recorded).</summary>
    /// <param name="customer">Who bought.</param>
    /// <param name="date">The day of the purchase.</param>
    /// <param name="amount">The purchase value.</param>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public Purchase(TCustomer customer, LocalDate date, decimal amount)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException($"A purchase date must be in the ISO calendar (was {date.Calendar.Id}).", nameof(date));
        }

        Customer = customer;
        _at = date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        _dateOnly = true;
        Amount = amount;
    }

    /// <summary>Who bought.</summary>
    public TCustomer Customer { get; }

    /// <summary>When the purchase happened, or <see langword="null"/> for a date-only purchase.</summary>
    public Instant? At => _dateOnly ? null : _at;

    /// <summary>The day of a date-only purchase, or <see langword="null"/> for a purchase dated by an instant.</summary>
    public LocalDate? Date => _dateOnly ? _at.InUtc().Date : null;

    /// <summary>Whether the purchase is dated by a calendar date only.</summary>
    public bool IsDateOnly => _dateOnly;

    /// <summary>The purchase value.</summary>
    public decimal Amount { get; }

    /// <summary>The day of the purchase in <paramref name="zone"/>: the instant's local date there, or the date of a date-only purchase whatever the zone.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public LocalDate DateIn(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return _dateOnly ? _at.InUtc().Date : _at.InZone(zone).Date;
    }

    /// <summary>The instant of the purchase, or for a date-only purchase the start of its date in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public Instant InstantIn(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return _dateOnly ? _at.InUtc().Date.AtStartOfDayInZone(zone).ToInstant() : _at;
    }

    /// <summary>The instant kept for the purchase: <see cref="At"/>, or midnight UTC of a date-only purchase's date.</summary>
    internal Instant RawInstant => _at;

    /// <inheritdoc />
    public bool Equals(Purchase<TCustomer> other)
        => _dateOnly == other._dateOnly && _at == other._at && Amount == other.Amount && EqualityComparer<TCustomer>.Default.Equals(Customer, other.Customer);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Purchase<TCustomer> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Customer, _at, _dateOnly, Amount);

    /// <summary>The purchase as "customer at 2024-01-31T10:00:00Z: 12.50" or "customer on 2024-01-31: 12.50".</summary>
    public override string ToString()
        => _dateOnly
            ? string.Create(CultureInfo.InvariantCulture, $"{Customer} on {Date:uuuu-MM-dd}: {Amount}")
            : string.Create(CultureInfo.InvariantCulture, $"{Customer} at {_at}: {Amount}");

    /// <summary>Compares two purchases for equality.</summary>
    public static bool operator ==(Purchase<TCustomer> left, Purchase<TCustomer> right) => left.Equals(right);

    /// <summary>Compares two purchases for inequality.</summary>
    public static bool operator !=(Purchase<TCustomer> left, Purchase<TCustomer> right) => !left.Equals(right);
}
