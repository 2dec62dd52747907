using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Crm.Contacts.Privacy;
using Crm.Privacy;

namespace Crm.Contacts.Profile;

/// <summary>A validated email address, with a normalized form for comparison and the text as originally entered.</summary>
/// <remarks>
/// <para>Accepted: <c>local@domain</c> with exactly one '@'; a local part of 1–64 characters (ASCII letters, digits,
/// <c>!#$%&amp;'*+/=?^_`{|}~-</c>, non-ASCII letters, and dots that neither start, end nor repeat); a domain with at least
/// two labels of 1–63 letters, digits or hyphens (internationalized domains are converted with IDNA), no label
/// starting or ending with a hyphen and a top-level label that is not all digits; at most 254 characters in all.
/// Quoted local parts, comments and IP-literal domains are rejected: they are legal in RFC 5322 but in practice mark
/// bad data.</para>
/// <para>Normalization: <see cref="Address"/> is the input trimmed and NFC-normalized with the domain in lower case; it
/// is what to send to. <see cref="NormalizedAddress"/> additionally lower-cases the local part and writes the domain in
/// its ASCII (punycode) form; two addresses are equal when their normalized forms are. RFC 5321 lets a mail server treat
/// the local part as case-sensitive, but no mainstream provider does and treating <c>Ann@x.com</c> and <c>ann@x.com</c>
/// as two people is the worse error for a CRM, so the local part compares case-insensitively. No provider-specific rules
/// are applied: dots and <c>+tags</c> are kept as they are (Gmail ignores dots, other providers do not).</para>
/// <para>Messages of the exceptions thrown name the rule that failed, never the address itself.</para>
/// </remarks>
public readonly struct EmailAddress : IEquatable<EmailAddress>
{
    /// <summary>The maximum length of an address (RFC 5321 path limit minus the angle brackets).</summary>
    public const int MaxLength = 254;

    private const string AllowedLocalSymbols = "!#$%&'*+/=?^_`{|}~-";
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    private readonly string? _address;
    private readonly string? _normalized;
    private readonly string? _original;

    private EmailAddress(string address, string normalized, string original)
    {
        _address = address;
        _normalized = normalized;
        _original = original;
    }

    /// <summary>The address to send to: trimmed, NFC-normalized, domain in lower case, local part as entered.</summary>
    [PersonalData]
    public string Address => _address ?? string.Empty;

    /// <summary>The comparison form: local part and domain in lower case, domain in ASCII (punycode).</summary>
    [PersonalData]
    public string NormalizedAddress => _normalized ?? string.Empty;

    /// <summary>The text exactly as it was given to <see cref="Parse"/>.</summary>
    [PersonalData]
    public string Original => _original ?? string.Empty;

    /// <summary>The domain part of <see cref="NormalizedAddress"/> (ASCII, lower case).</summary>
    /// <remarks>Personal data too: a private domain (<c>smith-family.example</c>) identifies its owner.</remarks>
    [PersonalData]
    public string Domain => NormalizedAddress[(NormalizedAddress.LastIndexOf('@') + 1)..];

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => NormalizedAddress.Length == 0;

    /// <summary>Parses and validates an address.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The address breaks one of the rules above; the message names the rule.</exception>
    public static EmailAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryCreate(value, out var email, out var rule) ? email : throw new ArgumentException($"EmailAddress {rule}.", nameof(value));
    }

    /// <summary>Tries to parse an address; returns <see langword="false"/> when it breaks a rule.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out EmailAddress emailAddress)
        => TryCreate(value, out emailAddress, out _);

    /// <summary>Validates an address and returns the rule it breaks, or <see langword="null"/> when it is valid.</summary>
    public static string? Validate(string? value) => TryCreate(value, out _, out var rule) ? null : $"EmailAddress {rule}.";

    private static bool TryCreate(string? value, out EmailAddress email, out string rule)
    {
        email = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            rule = "must not be empty";
            return false;
        }

        var trimmed = value.Trim().Normalize(NormalizationForm.FormC);
        if (trimmed.Length > MaxLength)
        {
            rule = $"must be at most {MaxLength} characters";
            return false;
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            rule = "must contain an '@' between the local part and the domain (e.g. name@example.com)";
            return false;
        }

        if (trimmed.IndexOf('@', at + 1) >= 0)
        {
            rule = "must contain exactly one '@' (quoted local parts are not accepted)";
            return false;
        }

        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..];
        if (domain.Length == 0)
        {
            rule = "must have a domain after the '@' (e.g. name@example.com)";
            return false;
        }

        if (!IsValidLocalPart(local, out rule))
        {
            return false;
        }

        if (!TryNormalizeDomain(domain, out var asciiDomain, out rule))
        {
            return false;
        }

        email = new EmailAddress(
            string.Concat(local, "@", domain.ToLowerInvariant()),
            string.Concat(local.ToLowerInvariant(), "@", asciiDomain),
            value);
        rule = string.Empty;
        return true;
    }

    private static bool IsValidLocalPart(string local, out string rule)
    {
        if (local.Length is 0 or > 64)
        {
            rule = "must have a local part of 1 to 64 characters before the '@'";
            return false;
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            rule = "must not have a local part that starts or ends with a dot or has two dots in a row";
            return false;
        }

        foreach (var c in local)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c == '.' || AllowedLocalSymbols.Contains(c, StringComparison.Ordinal)
                     || (c > 127 && !char.IsWhiteSpace(c) && !char.IsControl(c));
            if (!ok)
            {
                rule = "must not contain spaces, quotes, commas, brackets or control characters in the local part";
                return false;
            }
        }

        rule = string.Empty;
        return true;
    }

    private static bool TryNormalizeDomain(string domain, out string ascii, out string rule)
    {
        ascii = string.Empty;
        if (domain.StartsWith('['))
        {
            rule = "must have a domain name, not an IP literal, after the '@'";
            return false;
        }

        foreach (var label in domain.Split('.'))
        {
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-')
            {
                rule = "must have domain labels of 1 to 63 characters that do not start or end with a hyphen";
                return false;
            }
        }

        try
        {
            ascii = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            rule = "must have a domain of letters, digits, hyphens and dots after the '@'";
            return false;
        }

        if (ascii.Length > 253)
        {
            rule = "must have a domain of at most 253 characters";
            return false;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            rule = "must have a fully qualified domain with at least one dot after the '@' (e.g. example.com)";
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                rule = "must have domain labels of 1 to 63 characters that do not start or end with a hyphen";
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    rule = "must have a domain of letters, digits, hyphens and dots after the '@'";
                    return false;
                }
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            rule = "must have a top-level domain that is not all digits";
            return false;
        }

        rule = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(EmailAddress other) => string.Equals(NormalizedAddress, other.NormalizedAddress, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EmailAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(NormalizedAddress);

    /// <summary>The address to send to (<see cref="Address"/>).</summary>
    public override string ToString() => Address;

    /// <summary>Compares two addresses by their normalized form.</summary>
    public static bool operator ==(EmailAddress left, EmailAddress right) => left.Equals(right);

    /// <summary>Compares two addresses by their normalized form.</summary>
    public static bool operator !=(EmailAddress left, EmailAddress right) => !left.Equals(right);
}
