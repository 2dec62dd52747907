using Crm.Contacts.Attributes;

namespace Crm.Contacts.Duplicates;

/// <summary>One thing two contacts must share to match under a <see cref="DuplicateRule"/>: a name part, an email, a phone, the birthday or a custom attribute.</summary>
/// <remarks>
/// Values are compared in normalized form (see <see cref="DuplicateKeys"/>). A criterion on a multi-valued part
/// (emails, phone numbers) is met when the two contacts share at least one value. A contact without a value for the
/// criterion never meets it. Two criteria are equal when kind and attribute name (case-insensitive) are.
/// </remarks>
public sealed class DuplicateCriterion : IEquatable<DuplicateCriterion>
{
    private DuplicateCriterion(DuplicateCriterionKind kind, string? attributeKey)
    {
        Kind = kind;
        AttributeKey = attributeKey;
    }

    /// <summary>The given name.</summary>
    public static DuplicateCriterion GivenName { get; } = new(DuplicateCriterionKind.GivenName, null);

    /// <summary>The family name.</summary>
    public static DuplicateCriterion FamilyName { get; } = new(DuplicateCriterionKind.FamilyName, null);

    /// <summary>The display name.</summary>
    public static DuplicateCriterion DisplayName { get; } = new(DuplicateCriterionKind.DisplayName, null);

    /// <summary>Any shared email address.</summary>
    public static DuplicateCriterion Email { get; } = new(DuplicateCriterionKind.Email, null);

    /// <summary>Any shared phone number.</summary>
    public static DuplicateCriterion Phone { get; } = new(DuplicateCriterionKind.Phone, null);

    /// <summary>The birthday.</summary>
    public static DuplicateCriterion Birthday { get; } = new(DuplicateCriterionKind.Birthday, null);

    /// <summary>What the criterion compares.</summary>
    public DuplicateCriterionKind Kind { get; }

    /// <summary>The custom attribute name (lower case) when <see cref="Kind"/> is <see cref="DuplicateCriterionKind.Attribute"/>; otherwise <see langword="null"/>.</summary>
    public string? AttributeKey { get; }

    /// <summary>A stable, non-personal name: the kind, or <c>Attribute:</c> and the attribute name.</summary>
    public string Name => AttributeKey is null ? Kind.ToString() : $"Attribute:{AttributeKey}";

    /// <summary>A criterion on the custom attribute <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The name breaks the custom attribute naming rule (1–64 ASCII letters, digits, '_', '-', '.', starting with a letter).</exception>
    public static DuplicateCriterion Attribute(string key)
        => new(DuplicateCriterionKind.Attribute, AttributeKeys.Validate(key, nameof(key)).ToLowerInvariant());

    /// <summary>The criterion of <paramref name="kind"/> (not <see cref="DuplicateCriterionKind.Attribute"/>, which needs a name).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, or is <see cref="DuplicateCriterionKind.Attribute"/>.</exception>
    public static DuplicateCriterion Of(DuplicateCriterionKind kind) => kind switch
    {
        DuplicateCriterionKind.GivenName => GivenName,
        DuplicateCriterionKind.FamilyName => FamilyName,
        DuplicateCriterionKind.DisplayName => DisplayName,
        DuplicateCriterionKind.Email => Email,
        DuplicateCriterionKind.Phone => Phone,
        DuplicateCriterionKind.Birthday => Birthday,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "DuplicateCriterionKind must be a defined kind other than Attribute (use DuplicateCriterion.Attribute(key))."),
    };

    /// <inheritdoc />
    public bool Equals(DuplicateCriterion? other)
        => other is not null && Kind == other.Kind && string.Equals(AttributeKey, other.AttributeKey, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DuplicateCriterion);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, AttributeKey);

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
