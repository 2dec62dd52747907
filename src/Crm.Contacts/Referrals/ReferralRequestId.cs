using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Contacts.Referrals;

/// <summary>Identifies a request, made to a contact, to refer someone.</summary>
/// <remarks>
/// Backed by a version 7 (time-ordered) <see cref="Guid"/>, so ids created later sort later, which keeps keyset paging
/// and database indexes efficient. Ids are unique per tenant; two tenants may use the same id.
/// The default value is not a valid id.
/// </remarks>
[JsonConverter(typeof(ReferralRequestIdJsonConverter))]
public readonly struct ReferralRequestId : IEquatable<ReferralRequestId>, IComparable<ReferralRequestId>
{
    /// <summary>Wraps an existing <see cref="Guid"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public ReferralRequestId(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("ReferralRequestId must not be the empty Guid.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The underlying value.</summary>
    public Guid Value { get; }

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Creates a new, time-ordered id.</summary>
    public static ReferralRequestId New() => new(GuidV7.New());

    /// <summary>Parses an id written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a non-empty Guid.</exception>
    public static ReferralRequestId Parse(string value)
        => TryParse(value, out var id) ? id : throw new FormatException("ReferralRequestId must be a non-empty Guid in the 'D' format.");

    /// <summary>Tries to parse an id written by <see cref="ToString"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out ReferralRequestId requestId)
    {
        if (Guid.TryParseExact(value, "D", out var guid) && guid != Guid.Empty)
        {
            requestId = new ReferralRequestId(guid);
            return true;
        }

        requestId = default;
        return false;
    }

    /// <summary>Throws when <paramref name="requestId"/> is the empty default value.</summary>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static void ThrowIfEmpty(ReferralRequestId requestId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(requestId))] string? paramName = null)
    {
        if (requestId.IsEmpty)
        {
            throw new ArgumentException("ReferralRequestId must not be empty (default(ReferralRequestId) is not a request).", paramName);
        }
    }

    /// <inheritdoc />
    public int CompareTo(ReferralRequestId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public bool Equals(ReferralRequestId other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReferralRequestId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The id in the Guid 'D' format.</summary>
    public override string ToString() => Value.ToString("D");

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(ReferralRequestId left, ReferralRequestId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(ReferralRequestId left, ReferralRequestId right) => !left.Equals(right);

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <(ReferralRequestId left, ReferralRequestId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >(ReferralRequestId left, ReferralRequestId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <=(ReferralRequestId left, ReferralRequestId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >=(ReferralRequestId left, ReferralRequestId right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="ReferralRequestId"/> as a JSON string.</summary>
public sealed class ReferralRequestIdJsonConverter : JsonConverter<ReferralRequestId>
{
    /// <inheritdoc />
    public override ReferralRequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReferralRequestId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected a ReferralRequestId (a non-empty Guid).");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ReferralRequestId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
