using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Events;

/// <summary>Identifies one <see cref="CrmEvent"/>; consumers deduplicate redeliveries on it.</summary>
/// <remarks>
/// A time-ordered UUID (version 7 layout) from the injected <see cref="ICrmEventIdGenerator"/>: ids of one generator
/// sort in the order they were made. The default value is "not assigned yet"; no stored event has it.
/// </remarks>
[JsonConverter(typeof(CrmEventIdJsonConverter))]
public readonly struct CrmEventId : IEquatable<CrmEventId>, IComparable<CrmEventId>
{
    /// <summary>Wraps a stored value.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is the empty Guid.</exception>
    public CrmEventId(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("CrmEventId must not be the empty Guid.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The underlying value.</summary>
    public Guid Value { get; }

    /// <summary>Whether this is the default (unassigned) value.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Parses the 'D' format (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>).</summary>
    /// <exception cref="FormatException">The text is not a non-empty Guid in the 'D' format.</exception>
    public static CrmEventId Parse(string value)
        => TryParse(value, out var id) ? id : throw new FormatException("CrmEventId must be a non-empty Guid in the 'D' format.");

    /// <summary>Tries to parse the 'D' format.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out CrmEventId eventId)
    {
        if (Guid.TryParseExact(value, "D", out var guid) && guid != Guid.Empty)
        {
            eventId = new CrmEventId(guid);
            return true;
        }

        eventId = default;
        return false;
    }

    /// <inheritdoc />
    public int CompareTo(CrmEventId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public bool Equals(CrmEventId other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CrmEventId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The id in the 'D' format.</summary>
    public override string ToString() => Value.ToString("D");

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(CrmEventId left, CrmEventId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(CrmEventId left, CrmEventId right) => !left.Equals(right);

    /// <summary>Orders ids.</summary>
    public static bool operator <(CrmEventId left, CrmEventId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids.</summary>
    public static bool operator >(CrmEventId left, CrmEventId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids.</summary>
    public static bool operator <=(CrmEventId left, CrmEventId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids.</summary>
    public static bool operator >=(CrmEventId left, CrmEventId right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="CrmEventId"/> as a JSON string.</summary>
public sealed class CrmEventIdJsonConverter : JsonConverter<CrmEventId>
{
    /// <inheritdoc />
    public override CrmEventId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => CrmEventId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected a CrmEventId (a non-empty Guid).");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CrmEventId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
