using Crm.Contacts.Privacy;
using Crm.Privacy;

namespace Crm.Contacts.Profile;

/// <summary>How a person is called: the name to show, and optionally its given and family parts and a sort key.</summary>
/// <remarks>
/// No naming culture is assumed. <see cref="DisplayName"/> is the only required part and is what a UI shows and a
/// letter uses, written as the person writes it (e.g. "山田太郎", "Nguyễn Văn An", "Madonna"); CrmCore never builds it
/// from the parts, since their order and spacing differ between cultures. <see cref="GivenName"/> and
/// <see cref="FamilyName"/> are optional, for hosts that address people by one part; many people have only one name.
/// <see cref="SortName"/> is what lists sort by: the explicit sort name when given (e.g. a phonetic reading or
/// "Garcia Lopez, Ana"), otherwise the display name. Every part is trimmed, NFC-normalized, single-line and at most
/// <see cref="MaxLength"/> characters; empty optional parts become <see langword="null"/>.
/// </remarks>
public sealed class PersonName : IEquatable<PersonName>
{
    /// <summary>The maximum length of each part.</summary>
    public const int MaxLength = 200;

    private readonly string? _sortName;

    /// <summary>Creates a name.</summary>
    /// <exception cref="ArgumentException">The display name is empty, or a part is too long or contains control characters.</exception>
    public PersonName(string displayName, string? givenName = null, string? familyName = null, string? sortName = null)
    {
        DisplayName = TextRules.RequiredText(displayName, MaxLength, "PersonName.DisplayName", nameof(displayName));
        GivenName = TextRules.OptionalText(givenName, MaxLength, "PersonName.GivenName", nameof(givenName));
        FamilyName = TextRules.OptionalText(familyName, MaxLength, "PersonName.FamilyName", nameof(familyName));
        _sortName = TextRules.OptionalText(sortName, MaxLength, "PersonName.SortName", nameof(sortName));
    }

    /// <summary>The name to show, as the person writes it.</summary>
    [PersonalData]
    public string DisplayName { get; }

    /// <summary>The given (personal) name, when the host knows it.</summary>
    [PersonalData]
    public string? GivenName { get; }

    /// <summary>The family name (surname), when the person has one and the host knows it.</summary>
    [PersonalData]
    public string? FamilyName { get; }

    /// <summary>The key lists sort by: the explicit sort name, or <see cref="DisplayName"/> when none was given.</summary>
    [PersonalData]
    public string SortName => _sortName ?? DisplayName;

    /// <summary>Whether an explicit sort name was given.</summary>
    public bool HasExplicitSortName => _sortName is not null;

    /// <inheritdoc />
    public bool Equals(PersonName? other)
        => other is not null
           && string.Equals(DisplayName, other.DisplayName, StringComparison.Ordinal)
           && string.Equals(GivenName, other.GivenName, StringComparison.Ordinal)
           && string.Equals(FamilyName, other.FamilyName, StringComparison.Ordinal)
           && string.Equals(_sortName, other._sortName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PersonName);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisplayName, GivenName, FamilyName, _sortName);

    /// <summary>The display name.</summary>
    public override string ToString() => DisplayName;
}
