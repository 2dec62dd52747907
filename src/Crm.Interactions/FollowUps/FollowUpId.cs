using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Crm.Interactions.FollowUps;

/// <summary>Identifies a follow-up task within a tenant.</summary>
/// <remarks>Backed by a version 7 (time-ordered) <see cref="Guid"/>, so ids created later sort later. The default value is not a valid id.</remarks>
[JsonConverter(typeof(GuidIdJsonConverter<FollowUpId>))]
public readonly struct FollowUpId : IEquatable<FollowUpId>, IGuidId<FollowUpId>
{
    /// <summary>Wraps an existing <see cref="Guid"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public FollowUpId(Guid value) => Value = GuidIds.Check(value, nameof(FollowUpId), nameof(value));

    /// <summary>The underlying value.</summary>
    public Guid Value { get; }

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    static string IGuidId<FollowUpId>.TypeName => nameof(FollowUpId);

    /// <summary>Creates a new, time-ordered id.</summary>
    public static FollowUpId New() => new(GuidV7.New());

    /// <summary>Parses an id written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a non-empty Guid in the 'D' format.</exception>
    public static FollowUpId Parse(string value) => GuidIds.Parse<FollowUpId>(value);

    /// <summary>Tries to parse an id written by <see cref="ToString"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out FollowUpId id) => GuidIds.TryParse(value, out id);

    /// <summary>Throws when <paramref name="id"/> is the empty default value.</summary>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static void ThrowIfEmpty(FollowUpId id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? paramName = null)
        => GuidIds.ThrowIfEmpty(id, paramName);

    static FollowUpId IGuidId<FollowUpId>.FromGuid(Guid value) => new(value);

    /// <inheritdoc />
    public bool Equals(FollowUpId other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FollowUpId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The id in the Guid 'D' format.</summary>
    public override string ToString() => Value.ToString("D");

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(FollowUpId left, FollowUpId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(FollowUpId left, FollowUpId right) => !left.Equals(right);
}
