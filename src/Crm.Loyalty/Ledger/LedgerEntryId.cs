using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Loyalty.Ledger;

/// <summary>Identifies a ledger entry within a tenant; an entry that credits points also names the lot it created with its own id.</summary>
/// <remarks>Backed by a version 7 (time-ordered) <see cref="Guid"/>. The default value is not a valid id.</remarks>
[JsonConverter(typeof(LedgerEntryIdJsonConverter))]
public readonly struct LedgerEntryId : IEquatable<LedgerEntryId>, IComparable<LedgerEntryId>
{
    /// <summary>Wraps an existing <see cref="Guid"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public LedgerEntryId(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("LedgerEntryId must not be the empty Guid.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The underlying value.</summary>
    public Guid Value { get; }

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Creates a new, time-ordered id.</summary>
    public static LedgerEntryId New() => new(GuidV7.New());

    /// <summary>Parses an id written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a non-empty Guid.</exception>
    public static LedgerEntryId Parse(string value)
        => TryParse(value, out var id) ? id : throw new FormatException("LedgerEntryId must be a non-empty Guid in the 'D' format.");

    /// <summary>Tries to parse an id written by <see cref="ToString"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out LedgerEntryId entryId)
    {
        entryId = Guid.TryParseExact(value, "D", out var guid) && guid != Guid.Empty ? new LedgerEntryId(guid) : default;
        return !entryId.IsEmpty;
    }

    /// <summary>Throws when <paramref name="entryId"/> is the empty default value.</summary>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static void ThrowIfEmpty(LedgerEntryId entryId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(entryId))] string? paramName = null)
    {
        if (entryId.IsEmpty)
        {
            throw new ArgumentException("LedgerEntryId must not be empty.", paramName);
        }
    }

    /// <inheritdoc />
    public int CompareTo(LedgerEntryId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public bool Equals(LedgerEntryId other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LedgerEntryId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The id in the Guid 'D' format.</summary>
    public override string ToString() => Value.ToString("D");

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(LedgerEntryId left, LedgerEntryId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(LedgerEntryId left, LedgerEntryId right) => !left.Equals(right);

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <(LedgerEntryId left, LedgerEntryId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >(LedgerEntryId left, LedgerEntryId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <=(LedgerEntryId left, LedgerEntryId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >=(LedgerEntryId left, LedgerEntryId right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="LedgerEntryId"/> as a JSON string.</summary>
public sealed class LedgerEntryIdJsonConverter : JsonConverter<LedgerEntryId>
{
    /// <inheritdoc />
    public override LedgerEntryId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => LedgerEntryId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected a LedgerEntryId (a non-empty Guid).");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LedgerEntryId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
