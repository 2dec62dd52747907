using System.Globalization;
using NodaTime;

namespace Crm.Contacts.Profile;

/// <summary>A person's birthday: a day of the year (<see cref="AnnualDate"/>) and, when known, the year of birth.</summary>
/// <remarks>
/// <para>Many people share their birthday but not their age, so the year is optional. 29 February is a valid birthday
/// without a year; with a year, the year must be a leap year. A day that no year has (30 February, 31 April) is
/// rejected with a message naming the month's last day.</para>
/// <para>In a non-leap year a 29 February birthday falls on 28 February: <see cref="InYear"/> follows NodaTime's
/// <see cref="AnnualDate.InYear"/>, which rolls an invalid date back to the last day of the month. Hosts that
/// celebrate on 1 March instead can test <see cref="IsLeapDay"/>.</para>
/// <para>Calendar: ISO. The year must be between 1 and 9999; whether it lies in the future is checked by the manager,
/// which knows today's date.</para>
/// </remarks>
public readonly struct Birthday : IEquatable<Birthday>
{
    private readonly byte _month;
    private readonly byte _day;
    private readonly short _year;

    /// <summary>Creates a birthday.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month is not 1–12, the day does not exist in that month, the year is outside 1–9999, or the date does not exist in that year (29 February of a non-leap year).</exception>
    public Birthday(int month, int day, int? year = null)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"Birthday month must be between 1 and 12 (was {month}).");
        }

        var maxDay = month == 2 ? 29 : CalendarSystem.Iso.GetDaysInMonth(2001, month);
        if (day < 1 || day > maxDay)
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Birthday day must be between 1 and {maxDay} in {monthName} (was {day}).");
        }

        if (year is { } y)
        {
            if (y is < 1 or > 9999)
            {
                throw new ArgumentOutOfRangeException(nameof(year), y, $"Birthday year must be between 1 and 9999 (was {y}).");
            }

            if (month == 2 && day == 29 && !CalendarSystem.Iso.IsLeapYear(y))
            {
                throw new ArgumentOutOfRangeException(nameof(year), y, $"Birthday of 29 February needs a leap year ({y} is not one).");
            }
        }

        _month = (byte)month;
        _day = (byte)day;
        _year = (short)(year ?? 0);
    }

    /// <summary>Creates a birthday from a full date of birth.</summary>
    public Birthday(LocalDate dateOfBirth)
        : this(dateOfBirth.WithCalendar(CalendarSystem.Iso).Month, dateOfBirth.WithCalendar(CalendarSystem.Iso).Day, dateOfBirth.WithCalendar(CalendarSystem.Iso).Year)
    {
    }

    /// <summary>The month, 1–12.</summary>
    public int Month => _month;

    /// <summary>The day of the month.</summary>
    public int Day => _day;

    /// <summary>The year of birth, or <see langword="null"/> when unknown.</summary>
    public int? Year => _year == 0 ? null : _year;

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => _month == 0;

    /// <summary>Whether the birthday is 29 February.</summary>
    public bool IsLeapDay => _month == 2 && _day == 29;

    /// <summary>The day of the year.</summary>
    /// <exception cref="InvalidOperationException">The birthday is the default value.</exception>
    public AnnualDate AnnualDate => IsEmpty ? throw EmptyBirthday() : new AnnualDate(_month, _day);

    /// <summary>The date of birth, or <see langword="null"/> when the year is unknown.</summary>
    public LocalDate? DateOfBirth => _year == 0 ? null : new LocalDate(_year, _month, _day);

    /// <summary>The date the birthday falls on in <paramref name="year"/>; 29 February becomes 28 February in non-leap years.</summary>
    /// <exception cref="InvalidOperationException">The birthday is the default value.</exception>
    public LocalDate InYear(int year) => AnnualDate.InYear(year);

    /// <summary>The first birthday on or after <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">The birthday is the default value.</exception>
    public LocalDate NextOnOrAfter(LocalDate date)
    {
        var thisYear = InYear(date.Year);
        return thisYear >= date ? thisYear : InYear(date.Year + 1);
    }

    /// <summary>The age in whole years on <paramref name="date"/>, or <see langword="null"/> when the year is unknown or the date is before the birth.</summary>
    /// <remarks>Someone born on 29 February turns a year older on 28 February in non-leap years, consistent with <see cref="InYear"/>.</remarks>
    public int? AgeOn(LocalDate date)
    {
        if (DateOfBirth is not { } born || date < born)
        {
            return null;
        }

        var age = date.Year - born.Year;
        return date < InYear(date.Year) ? age - 1 : age;
    }

    private static InvalidOperationException EmptyBirthday() => new("default(Birthday) is not a birthday.");

    /// <inheritdoc />
    public bool Equals(Birthday other) => _month == other._month && _day == other._day && _year == other._year;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Birthday other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_month, _day, _year);

    /// <summary>The birthday as <c>--MM-DD</c> (ISO 8601 without year) or <c>YYYY-MM-DD</c>.</summary>
    public override string ToString()
        => _year == 0
            ? string.Create(CultureInfo.InvariantCulture, $"--{_month:00}-{_day:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{_year:0000}-{_month:00}-{_day:00}");

    /// <summary>Compares two birthdays.</summary>
    public static bool operator ==(Birthday left, Birthday right) => left.Equals(right);

    /// <summary>Compares two birthdays.</summary>
    public static bool operator !=(Birthday left, Birthday right) => !left.Equals(right);
}
