using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Storage;

/// <summary>An opaque version token; it changes on every write, and a write that names a stale stamp fails.</summary>
[JsonConverter(typeof(ConcurrencyStampJsonConverter))]
public readonly struct ConcurrencyStamp : IEquatable<ConcurrencyStamp>
{
    private ConcurrencyStamp(Guid value) => Value = value;

    /// <summary>The underlying value.</summary>
    public Guid Value { get; }

    /// <summary>Whether this is the default value, which no stored record has.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Creates a fresh, unique stamp.</summary>
    public static ConcurrencyStamp New() => new(Guid.NewGuid());

    /// <summary>Restores a stamp from its stored value.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty.</exception>
    public static ConcurrencyStamp FromGuid(Guid value)
        => value == Guid.Empty ? throw new ArgumentException("ConcurrencyStamp must not be the empty Guid.", nameof(value)) : new(value);

    /// <inheritdoc />
    public bool Equals(ConcurrencyStamp other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConcurrencyStamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");

    /// <summary>Compares two stamps for equality.</summary>
    public static bool operator ==(ConcurrencyStamp left, ConcurrencyStamp right) => left.Equals(right);

    /// <summary>Compares two stamps for inequality.</summary>
    public static bool operator !=(ConcurrencyStamp left, ConcurrencyStamp right) => !left.Equals(right);
}

/// <summary>Reads and writes <see cref="ConcurrencyStamp"/> as a JSON string.</summary>
public sealed class ConcurrencyStampJsonConverter : JsonConverter<ConcurrencyStamp>
{
    /// <inheritdoc />
    public override ConcurrencyStamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Guid.TryParseExact(reader.GetString(), "N", out var g) && g != Guid.Empty
            ? ConcurrencyStamp.FromGuid(g)
            : throw new JsonException("Expected a ConcurrencyStamp (32 hex digits).");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ConcurrencyStamp value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
