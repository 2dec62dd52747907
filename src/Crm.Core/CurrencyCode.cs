using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Crm;

/// <summary>An ISO 4217 alphabetic currency code (e.g. <c>EUR</c>, <c>JPY</c>).</summary>
/// <remarks>
/// Validated against the codes of ISO 4217 list one in force in 2025 (including fund and precious-metal codes such as
/// <c>XAU</c>, excluding the testing code <c>XTS</c> and the no-currency code <c>XXX</c>). Input is trimmed and
/// upper-cased.
/// </remarks>
public readonly struct CurrencyCode : IEquatable<CurrencyCode>
{
    private static readonly FrozenSet<string> Known = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF " +
        "CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
        "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR " +
        "LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK " +
        "PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT " +
        "TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG " +
        "XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private readonly string? _value;

    /// <summary>Creates a currency code.</summary>
    /// <exception cref="ArgumentException">The text is not an ISO 4217 alphabetic code in force.</exception>
    public CurrencyCode(string value)
    {
        _value = TryNormalize(value, out var code)
            ? code
            : throw new ArgumentException("Currency must be an ISO 4217 alphabetic code in force (three letters, e.g. 'EUR').", nameof(value));
    }

    /// <summary>The three-letter code in upper case.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a currency code.</summary>
    /// <exception cref="ArgumentException">The text is not an ISO 4217 alphabetic code in force.</exception>
    public static CurrencyCode Parse(string value) => new(value);

    /// <summary>Tries to parse a currency code.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out CurrencyCode currency)
    {
        currency = TryNormalize(value, out _) ? new CurrencyCode(value!) : default;
        return !currency.IsEmpty;
    }

    private static bool TryNormalize(string? value, out string code)
    {
        code = value?.Trim().ToUpperInvariant() ?? string.Empty;
        return code.Length == 3 && Known.Contains(code);
    }

    /// <inheritdoc />
    public bool Equals(CurrencyCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CurrencyCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two codes.</summary>
    public static bool operator ==(CurrencyCode left, CurrencyCode right) => left.Equals(right);

    /// <summary>Compares two codes.</summary>
    public static bool operator !=(CurrencyCode left, CurrencyCode right) => !left.Equals(right);
}
