using System.Globalization;
using Crm.Contacts.Profile;
using NodaTime;
using NodaTime.Text;

namespace Crm.Contacts.Attributes;

/// <summary>The typed value of a host-defined custom attribute: text, number, boolean, date or money.</summary>
/// <remarks>
/// A discriminated union: <see cref="Kind"/> says which accessor is valid. Reading the wrong one throws
/// <see cref="InvalidOperationException"/>; <see cref="Match{TResult}"/> handles every kind exhaustively. Texts are
/// trimmed, NFC-normalized, at most <see cref="MaxTextLength"/> characters and may contain line breaks. Two values
/// are equal when kind and value are equal.
/// </remarks>
public readonly struct CustomAttributeValue : IEquatable<CustomAttributeValue>
{
    /// <summary>The maximum length of a text value.</summary>
    public const int MaxTextLength = 2000;

    private readonly string? _text;
    private readonly decimal _number;
    private readonly LocalDate _date;
    private readonly CurrencyCode _currency;

    private CustomAttributeValue(CustomAttributeKind kind, string? text = null, decimal number = 0, LocalDate date = default, CurrencyCode currency = default)
    {
        Kind = kind;
        _text = text;
        _number = number;
        _date = date;
        _currency = currency;
    }

    /// <summary>Which kind of value this is.</summary>
    public CustomAttributeKind Kind { get; }

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => Kind == CustomAttributeKind.None;

    /// <summary>A text value.</summary>
    /// <exception cref="ArgumentException">The text is empty, too long or contains control characters other than line breaks.</exception>
    public static CustomAttributeValue Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = TextRules.OptionalText(value, MaxTextLength, "Custom attribute text", nameof(value), allowLineBreaks: true)
            ?? throw new ArgumentException("Custom attribute text must not be empty or white space.", nameof(value));
        return new(CustomAttributeKind.Text, text: text);
    }

    /// <summary>A number value.</summary>
    public static CustomAttributeValue Number(decimal value) => new(CustomAttributeKind.Number, number: value);

    /// <summary>A boolean value.</summary>
    public static CustomAttributeValue Boolean(bool value) => new(CustomAttributeKind.Boolean, number: value ? 1 : 0);

    /// <summary>A date value.</summary>
    public static CustomAttributeValue Date(LocalDate value) => new(CustomAttributeKind.Date, date: value);

    /// <summary>A money value.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is the default value.</exception>
    public static CustomAttributeValue Money(Money value)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException("Custom attribute money must have a currency.", nameof(value));
        }

        return new(CustomAttributeKind.Money, number: value.Amount, currency: value.Currency);
    }

    /// <summary>The text.</summary>
    /// <exception cref="InvalidOperationException">The value is not <see cref="CustomAttributeKind.Text"/>.</exception>
    public string AsText() => Kind == CustomAttributeKind.Text ? _text! : throw WrongKind(CustomAttributeKind.Text);

    /// <summary>The number.</summary>
    /// <exception cref="InvalidOperationException">The value is not <see cref="CustomAttributeKind.Number"/>.</exception>
    public decimal AsNumber() => Kind == CustomAttributeKind.Number ? _number : throw WrongKind(CustomAttributeKind.Number);

    /// <summary>The boolean.</summary>
    /// <exception cref="InvalidOperationException">The value is not <see cref="CustomAttributeKind.Boolean"/>.</exception>
    public bool AsBoolean() => Kind == CustomAttributeKind.Boolean ? _number != 0 : throw WrongKind(CustomAttributeKind.Boolean);

    /// <summary>The date.</summary>
    /// <exception cref="InvalidOperationException">The value is not <see cref="CustomAttributeKind.Date"/>.</exception>
    public LocalDate AsDate() => Kind == CustomAttributeKind.Date ? _date : throw WrongKind(CustomAttributeKind.Date);

    /// <summary>The money.</summary>
    /// <exception cref="InvalidOperationException">The value is not <see cref="CustomAttributeKind.Money"/>.</exception>
    public Money AsMoney() => Kind == CustomAttributeKind.Money ? new Money(_number, _currency) : throw WrongKind(CustomAttributeKind.Money);

    /// <summary>Calls the function that matches <see cref="Kind"/> and returns its result.</summary>
    /// <exception cref="ArgumentNullException">A function is null.</exception>
    /// <exception cref="InvalidOperationException">The value is the default value.</exception>
    public TResult Match<TResult>(
        Func<string, TResult> text,
        Func<decimal, TResult> number,
        Func<bool, TResult> boolean,
        Func<LocalDate, TResult> date,
        Func<Money, TResult> money)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(boolean);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(money);
        return Kind switch
        {
            CustomAttributeKind.Text => text(_text!),
            CustomAttributeKind.Number => number(_number),
            CustomAttributeKind.Boolean => boolean(_number != 0),
            CustomAttributeKind.Date => date(_date),
            CustomAttributeKind.Money => money(new Money(_number, _currency)),
            _ => throw new InvalidOperationException("default(CustomAttributeValue) holds no value."),
        };
    }

    private InvalidOperationException WrongKind(CustomAttributeKind wanted)
        => new($"The custom attribute value is {Kind}, not {wanted}.");

    /// <inheritdoc />
    public bool Equals(CustomAttributeValue other)
        => Kind == other.Kind && _number == other._number && _date == other._date && _currency == other._currency
           && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomAttributeValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _text, _number, _date, _currency);

    /// <summary>The value in invariant format (dates as ISO <c>yyyy-MM-dd</c>).</summary>
    public override string ToString() => Kind switch
    {
        CustomAttributeKind.Text => _text!,
        CustomAttributeKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        CustomAttributeKind.Boolean => _number != 0 ? "true" : "false",
        CustomAttributeKind.Date => LocalDatePattern.Iso.Format(_date),
        CustomAttributeKind.Money => new Money(_number, _currency).ToString(),
        _ => string.Empty,
    };

    /// <summary>Compares two values.</summary>
    public static bool operator ==(CustomAttributeValue left, CustomAttributeValue right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    public static bool operator !=(CustomAttributeValue left, CustomAttributeValue right) => !left.Equals(right);
}
