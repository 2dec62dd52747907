using System.Globalization;

namespace Crm;

/// <summary>An amount of money in one currency.</summary>
/// <remarks>The amount is a <see cref="decimal"/>, never floating point. Equality compares amount and currency exactly (1.0 EUR equals 1.00 EUR).</remarks>
public readonly struct Money : IEquatable<Money>
{
    /// <summary>Creates an amount of money.</summary>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value.</exception>
    public Money(decimal amount, CurrencyCode currency)
    {
        if (currency.IsEmpty)
        {
            throw new ArgumentException("Money needs a currency: default(CurrencyCode) is not a currency.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount.</summary>
    public decimal Amount { get; }

    /// <summary>The currency.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Whether this is the default (currency-less, invalid) value.</summary>
    public bool IsEmpty => Currency.IsEmpty;

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>The amount in invariant format followed by the currency code, e.g. <c>12.50 EUR</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    /// <summary>Compares two amounts.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Compares two amounts.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);
}
