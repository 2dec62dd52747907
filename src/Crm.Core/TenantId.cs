using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm;

/// <summary>Identifies the tenant that owns a piece of CRM data; every store operation is scoped to exactly one tenant.</summary>
/// <remarks>
/// A tenant id is 1–64 characters of ASCII letters, digits, '-', '_' or '.', compared ordinally (case-sensitive).
/// The default value is not a valid tenant: every entry point rejects it.
/// </remarks>
[JsonConverter(typeof(TenantIdJsonConverter))]
public readonly struct TenantId : IEquatable<TenantId>
{
    /// <summary>The maximum length of a tenant id.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    /// <summary>Creates a tenant id.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has a character outside [A-Za-z0-9._-].</exception>
    public TenantId(string value)
    {
        if (!IsValid(value, out var rule))
        {
            throw new ArgumentException($"TenantId {rule}.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The tenant id as text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a tenant id.</summary>
    /// <exception cref="ArgumentException">The text is not a valid tenant id.</exception>
    public static TenantId Parse(string value) => new(value);

    /// <summary>Tries to parse a tenant id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TenantId tenantId)
    {
        if (IsValid(value, out _))
        {
            tenantId = new TenantId(value!);
            return true;
        }

        tenantId = default;
        return false;
    }

    /// <summary>Throws when <paramref name="tenantId"/> is the empty default value.</summary>
    /// <exception cref="ArgumentException">The tenant id is empty.</exception>
    public static void ThrowIfEmpty(TenantId tenantId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(tenantId))] string? paramName = null)
    {
        if (tenantId.IsEmpty)
        {
            throw new ArgumentException("TenantId must not be empty (default(TenantId) is not a tenant).", paramName);
        }
    }

    private static bool IsValid([NotNullWhen(true)] string? value, out string rule)
    {
        if (string.IsNullOrEmpty(value))
        {
            rule = "must not be empty";
            return false;
        }

        if (value.Length > MaxLength)
        {
            rule = $"must be at most {MaxLength} characters";
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                rule = "may contain only ASCII letters, digits, '-', '_' and '.'";
                return false;
            }
        }

        rule = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(TenantId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TenantId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two tenant ids for equality.</summary>
    public static bool operator ==(TenantId left, TenantId right) => left.Equals(right);

    /// <summary>Compares two tenant ids for inequality.</summary>
    public static bool operator !=(TenantId left, TenantId right) => !left.Equals(right);
}

/// <summary>Reads and writes <see cref="TenantId"/> as a JSON string.</summary>
public sealed class TenantIdJsonConverter : JsonConverter<TenantId>
{
    /// <inheritdoc />
    public override TenantId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TenantId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected a valid TenantId string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TenantId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
