using System.Diagnostics.CodeAnalysis;
using Crm.Contacts.Privacy;
using Crm.Privacy;
using LibPhone = PhoneNumbers;

namespace Crm.Contacts.Profile;

/// <summary>A validated phone number in E.164 form (<c>+442079460000</c>), with the text as originally entered.</summary>
/// <remarks>
/// Parsing and validation use libphonenumber (Google's metadata, via libphonenumber-csharp): a number is accepted only
/// when it is a valid number for its region. International input (leading '+' and country code) needs no region;
/// national input (<c>020 7946 0000</c>) needs a default region, an ISO 3166-1 alpha-2 code such as <c>GB</c>
/// (<c>ContactOptions.DefaultPhoneRegion</c> for the manager). An extension (<c>ext. 12</c>) is kept in
/// <see cref="Extension"/> since E.164 cannot carry it. Two numbers are equal when their E.164 forms and extensions are.
/// Messages of the exceptions thrown name the rule that failed, never the number itself.
/// </remarks>
public readonly struct PhoneNumber : IEquatable<PhoneNumber>
{
    private static readonly LibPhone.PhoneNumberUtil Util = LibPhone.PhoneNumberUtil.GetInstance();

    private readonly string? _e164;
    private readonly string? _extension;
    private readonly string? _original;
    private readonly string? _region;

    private PhoneNumber(string e164, string? extension, string original, string region)
    {
        _e164 = e164;
        _extension = extension;
        _original = original;
        _region = region;
    }

    /// <summary>The number in E.164 form: '+', country code and national number, digits only.</summary>
    [PersonalData]
    public string E164 => _e164 ?? string.Empty;

    /// <summary>The extension, or <see langword="null"/> when none was given.</summary>
    [PersonalData]
    public string? Extension => _extension;

    /// <summary>The text exactly as it was given to <see cref="Parse"/>.</summary>
    [PersonalData]
    public string Original => _original ?? string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 region the number belongs to (e.g. <c>GB</c>); <c>001</c> for non-geographic numbers.</summary>
    public string RegionCode => _region ?? string.Empty;

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => _e164 is null;

    /// <summary>Whether <paramref name="regionCode"/> is a region libphonenumber knows (ISO 3166-1 alpha-2, upper case).</summary>
    public static bool IsSupportedRegion([NotNullWhen(true)] string? regionCode)
        => regionCode is not null && Util.GetSupportedRegions().Contains(regionCode);

    /// <summary>Parses and validates a number.</summary>
    /// <param name="value">The number as entered, international (<c>+44 20 7946 0000</c>) or national.</param>
    /// <param name="defaultRegion">The region of national-format input (ISO 3166-1 alpha-2), or <see langword="null"/> to accept only international input.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The number cannot be parsed, is not valid for its region, or the default region is unknown.</exception>
    public static PhoneNumber Parse(string value, string? defaultRegion = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (defaultRegion is not null && !IsSupportedRegion(defaultRegion))
        {
            throw new ArgumentException("The default phone region must be an ISO 3166-1 alpha-2 region code known to libphonenumber (e.g. 'GB', 'US').", nameof(defaultRegion));
        }

        return TryCreate(value, defaultRegion, out var phone, out var rule)
            ? phone
            : throw new ArgumentException($"PhoneNumber {rule}.", nameof(value));
    }

    /// <summary>Tries to parse a number; returns <see langword="false"/> when it is not a valid number.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, string? defaultRegion, out PhoneNumber phoneNumber)
    {
        phoneNumber = default;
        return (defaultRegion is null || IsSupportedRegion(defaultRegion)) && TryCreate(value, defaultRegion, out phoneNumber, out _);
    }

    private static bool TryCreate(string? value, string? defaultRegion, out PhoneNumber phone, out string rule)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            rule = "must not be empty";
            return false;
        }

        var trimmed = value.Trim();
        if (defaultRegion is null && !trimmed.StartsWith('+') && !trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            rule = "in national format needs a default region (set ContactOptions.DefaultPhoneRegion) or must start with '+' and a country code";
            return false;
        }

        LibPhone.PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(trimmed, defaultRegion ?? "ZZ");
        }
        catch (LibPhone.NumberParseException)
        {
            rule = "could not be read as a phone number (expected digits with an optional leading '+' and country code)";
            return false;
        }

        if (!Util.IsValidNumber(parsed))
        {
            rule = "is not a valid number for its country or region";
            return false;
        }

        var extension = parsed.HasExtension && parsed.Extension.Length > 0 ? parsed.Extension : null;
        phone = new PhoneNumber(Util.Format(parsed, LibPhone.PhoneNumberFormat.E164), extension, value, Util.GetRegionCodeForNumber(parsed) ?? "ZZ");
        rule = string.Empty;
        return true;
    }

    /// <summary>Rebuilds a stored number: re-validates the E.164 form and extension, keeps the original text as stored.</summary>
    /// <returns>The rule the stored values break, or <see langword="null"/> when <paramref name="phone"/> was rebuilt.</returns>
    internal static string? TryRestore(string e164, string? extension, string original, out PhoneNumber phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(original))
        {
            return "PhoneNumber original text must not be empty";
        }

        if (extension is { Length: 0 })
        {
            return "PhoneNumber extension must be null or non-empty";
        }

        LibPhone.PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(e164, "ZZ");
        }
        catch (LibPhone.NumberParseException)
        {
            return "PhoneNumber E.164 form could not be read as a phone number";
        }

        if (extension is not null)
        {
            parsed = parsed.ToBuilder().SetExtension(extension).Build();
        }

        if (!Util.IsValidNumber(parsed) || !string.Equals(Util.Format(parsed, LibPhone.PhoneNumberFormat.E164), e164, StringComparison.Ordinal))
        {
            return "PhoneNumber E.164 form must be a valid number in canonical E.164 form";
        }

        phone = new PhoneNumber(e164, extension, original, Util.GetRegionCodeForNumber(parsed) ?? "ZZ");
        return null;
    }

    /// <summary>The number formatted for international display, e.g. <c>+44 20 7946 0000</c>.</summary>
    public string ToInternationalFormat()
    {
        if (IsEmpty)
        {
            return string.Empty;
        }

        var parsed = Util.Parse(E164, "ZZ");
        if (_extension is not null)
        {
            parsed = parsed.ToBuilder().SetExtension(_extension).Build();
        }

        return Util.Format(parsed, LibPhone.PhoneNumberFormat.INTERNATIONAL);
    }

    /// <inheritdoc />
    public bool Equals(PhoneNumber other)
        => string.Equals(_e164, other._e164, StringComparison.Ordinal) && string.Equals(_extension, other._extension, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_e164, _extension);

    /// <summary>The E.164 form, followed by <c>;ext=</c> and the extension when there is one (RFC 3966 style).</summary>
    public override string ToString() => _extension is null ? E164 : $"{E164};ext={_extension}";

    /// <summary>Compares two numbers by E.164 form and extension.</summary>
    public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

    /// <summary>Compares two numbers by E.164 form and extension.</summary>
    public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);
}
