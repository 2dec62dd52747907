using Crm.Contacts.Privacy;
using Crm.Privacy;

namespace Crm.Contacts.Duplicates;

/// <summary>One normalized value of one criterion, e.g. (Email, <c>ann@example.com</c>): what a duplicate index maps to contact ids.</summary>
/// <remarks>
/// Keys are produced by <see cref="DuplicateKeys"/>; a store that implements <see cref="Storage.IContactDuplicateIndex"/>
/// indexes every key of every active contact. <see cref="Value"/> is personal data: <see cref="ToString"/> leaves it out.
/// </remarks>
public readonly struct DuplicateKey : IEquatable<DuplicateKey>
{
    /// <summary>Creates a key from a criterion and a value already in normalized form.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty.</exception>
    public DuplicateKey(DuplicateCriterion criterion, string value)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentException.ThrowIfNullOrEmpty(value);
        Criterion = criterion;
        Value = value;
    }

    /// <summary>The criterion.</summary>
    public DuplicateCriterion Criterion { get; }

    /// <summary>The normalized value.</summary>
    [PersonalData]
    public string Value { get; }

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => Criterion is null;

    /// <inheritdoc />
    public bool Equals(DuplicateKey other) => Equals(Criterion, other.Criterion) && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DuplicateKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Criterion, Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>The criterion name only (the value is personal data), e.g. <c>Email key</c>.</summary>
    public override string ToString() => IsEmpty ? string.Empty : $"{Criterion.Name} key";

    /// <summary>Compares two keys.</summary>
    public static bool operator ==(DuplicateKey left, DuplicateKey right) => left.Equals(right);

    /// <summary>Compares two keys.</summary>
    public static bool operator !=(DuplicateKey left, DuplicateKey right) => !left.Equals(right);
}
