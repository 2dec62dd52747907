using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm;

/// <summary>Identifies a contact within a tenant.</summary>
/// <remarks>
/// Backed by a version 7 (time-ordered) <see cref="Guid"/>, so ids created later sort later, which keeps keyset paging
/// and database indexes efficient. Ids are unique per tenant; two tenants may use the same id for different contacts.
/// The default value is not a valid id.
/// </remarks>
[JsonConverter(typeof(ContactIdJsonConverter))]
public readonly struct ContactId : IEquatable<ContactId>, IComparable<ContactId>
{
    /// <summary>Wraps an existing <see cref="Guid"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public ContactId(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("ContactId must not be the empty Guid.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The underlying value.</summary>
    public Guid Value { get; }

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Creates a new, time-ordered id.</summary>
    public static ContactId New() => new(GuidV7.New());

    /// <summary>Parses an id written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a non-empty Guid.</exception>
    public static ContactId Parse(string value)
        => TryParse(value, out var id) ? id : throw new FormatException("ContactId must be a non-empty Guid in the 'D' format.");

    /// <summary>Tries to parse an id written by <see cref="ToString"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out ContactId contactId)
    {
        if (Guid.TryParseExact(value, "D", out var guid) && guid != Guid.Empty)
        {
            contactId = new ContactId(guid);
            return true;
        }

        contactId = default;
        return false;
    }

    /// <summary>Throws when <paramref name="contactId"/> is the empty default value.</summary>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static void ThrowIfEmpty(ContactId contactId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(contactId))] string? paramName = null)
    {
        if (contactId.IsEmpty)
        {
            throw new ArgumentException("ContactId must not be empty (default(ContactId) is not a contact).", paramName);
        }
    }

    /// <inheritdoc />
    public int CompareTo(ContactId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public bool Equals(ContactId other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContactId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The id in the Guid 'D' format.</summary>
    public override string ToString() => Value.ToString("D");

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(ContactId left, ContactId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(ContactId left, ContactId right) => !left.Equals(right);

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <(ContactId left, ContactId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >(ContactId left, ContactId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator <=(ContactId left, ContactId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids by creation time.</summary>
    public static bool operator >=(ContactId left, ContactId right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="ContactId"/> as a JSON string.</summary>
public sealed class ContactIdJsonConverter : JsonConverter<ContactId>
{
    /// <inheritdoc />
    public override ContactId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ContactId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected a ContactId (a non-empty Guid).");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ContactId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
