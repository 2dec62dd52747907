using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Crm.Contacts.Profile;

/// <summary>A BCP-47 language tag (e.g. <c>en</c>, <c>pt-BR</c>, <c>zh-Hant-TW</c>) naming a language the platform knows.</summary>
/// <remarks>
/// Validated with <see cref="CultureInfo.GetCultureInfo(string, bool)"/> with <c>predefinedOnly: true</c>, so only tags
/// that name a culture in the platform's data (ICU) are accepted, and written in the culture's canonical casing
/// (<c>PT-br</c> becomes <c>pt-BR</c>). The invariant culture (empty tag) is rejected.
/// </remarks>
public readonly struct LanguageTag : IEquatable<LanguageTag>
{
    /// <summary>The maximum length of a tag.</summary>
    public const int MaxLength = 35;

    private readonly string? _value;

    /// <summary>Creates a tag.</summary>
    /// <exception cref="ArgumentException">The text is not a BCP-47 tag of a culture the platform knows.</exception>
    public LanguageTag(string value)
    {
        _value = TryNormalize(value, out var normalized)
            ? normalized
            : throw new ArgumentException("Language tag must be a BCP-47 tag of a language the platform knows (e.g. 'en', 'pt-BR').", nameof(value));
    }

    /// <summary>The tag in canonical casing.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a tag.</summary>
    /// <exception cref="ArgumentException">The text is not a known BCP-47 tag.</exception>
    public static LanguageTag Parse(string value) => new(value);

    /// <summary>Tries to parse a tag.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out LanguageTag tag)
    {
        tag = default;
        if (!TryNormalize(value, out _))
        {
            return false;
        }

        tag = new LanguageTag(value!);
        return true;
    }

    /// <summary>The culture the tag names.</summary>
    public CultureInfo ToCultureInfo() => CultureInfo.GetCultureInfo(Value, predefinedOnly: true);

    private static bool TryNormalize(string? value, out string normalized)
    {
        normalized = string.Empty;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(trimmed, predefinedOnly: true);
            if (culture.Name.Length == 0)
            {
                return false;
            }

            normalized = culture.Name;
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(LanguageTag other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LanguageTag other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two tags.</summary>
    public static bool operator ==(LanguageTag left, LanguageTag right) => left.Equals(right);

    /// <summary>Compares two tags.</summary>
    public static bool operator !=(LanguageTag left, LanguageTag right) => !left.Equals(right);
}
