using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Contacts.Profile;

namespace Crm.Contacts.Consent;

/// <summary>A host-defined processing purpose a consent applies to, e.g. <c>newsletter</c>, <c>sms-offers</c>, <c>profiling</c>.</summary>
/// <remarks>A code of 1–64 ASCII letters, digits, '-', '_', '.' or ':', stored in lower case.</remarks>
[JsonConverter(typeof(ConsentPurposeJsonConverter))]
public readonly struct ConsentPurpose : IEquatable<ConsentPurpose>
{
    /// <summary>The maximum length of a purpose code.</summary>
    public const int MaxLength = 64;

    private readonly string? _code;

    /// <summary>Creates a purpose.</summary>
    /// <exception cref="ArgumentException">The code is empty, too long or has a character outside the allowed set.</exception>
    public ConsentPurpose(string code) => _code = TextRules.Code(code, MaxLength, "ConsentPurpose", nameof(code));

    /// <summary>The purpose code, lower case.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => _code is null;

    /// <summary>Tries to create a purpose.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out ConsentPurpose purpose)
    {
        try
        {
            purpose = new ConsentPurpose(code!);
            return true;
        }
        catch (ArgumentException)
        {
            purpose = default;
            return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(ConsentPurpose other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConsentPurpose other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <inheritdoc />
    public override string ToString() => Code;

    /// <summary>Compares two purposes.</summary>
    public static bool operator ==(ConsentPurpose left, ConsentPurpose right) => left.Equals(right);

    /// <summary>Compares two purposes.</summary>
    public static bool operator !=(ConsentPurpose left, ConsentPurpose right) => !left.Equals(right);
}

/// <summary>Reads and writes <see cref="ConsentPurpose"/> as its code, re-validating it on reading.</summary>
public sealed class ConsentPurposeJsonConverter : JsonConverter<ConsentPurpose>
{
    /// <inheritdoc />
    public override ConsentPurpose Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ConsentPurpose.TryParse(reader.GetString(), out var purpose) ? purpose : throw new JsonException("Expected a consent purpose code.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ConsentPurpose value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}
