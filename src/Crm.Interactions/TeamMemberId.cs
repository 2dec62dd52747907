using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Interactions;

/// <summary>Identifies a member of the host's team (an agent, a sales rep) by the host's own user id.</summary>
/// <remarks>1–<see cref="MaxLength"/> printable ASCII characters without spaces, compared ordinally; an opaque id, never a name or an e-mail address. The default value is not a valid id.</remarks>
[JsonConverter(typeof(TeamMemberIdJsonConverter))]
public readonly struct TeamMemberId : IEquatable<TeamMemberId>
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 128;

    private readonly string? _value;

    /// <summary>Creates the id.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, longer than <see cref="MaxLength"/> or has a character outside printable ASCII.</exception>
    public TeamMemberId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"A TeamMemberId must be 1 to {MaxLength} printable ASCII characters (! to ~), without spaces.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The id as text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the default (invalid) value.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Tries to parse an id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TeamMemberId id)
    {
        id = IsValid(value) ? new TeamMemberId(value!) : default;
        return !id.IsEmpty;
    }

    /// <inheritdoc />
    public bool Equals(TeamMemberId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TeamMemberId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The id.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two ids ordinally.</summary>
    public static bool operator ==(TeamMemberId left, TeamMemberId right) => left.Equals(right);

    /// <summary>Compares two ids ordinally.</summary>
    public static bool operator !=(TeamMemberId left, TeamMemberId right) => !left.Equals(right);

    private static bool IsValid(string? value)
        => !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(static c => c is >= '!' and <= '~');
}

/// <summary>Reads and writes <see cref="TeamMemberId"/> as a JSON string.</summary>
public sealed class TeamMemberIdJsonConverter : JsonConverter<TeamMemberId>
{
    /// <inheritdoc />
    public override TeamMemberId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TeamMemberId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Expected a TeamMemberId (1-128 printable ASCII characters).");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TeamMemberId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
