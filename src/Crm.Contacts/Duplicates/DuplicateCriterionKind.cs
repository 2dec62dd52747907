namespace Crm.Contacts.Duplicates;

/// <summary>Which part of a contact a <see cref="DuplicateCriterion"/> compares.</summary>
public enum DuplicateCriterionKind
{
    /// <summary>The given name (<see cref="Profile.PersonName.GivenName"/>), compared case- and diacritics-insensitively.</summary>
    GivenName = 1,

    /// <summary>The family name (<see cref="Profile.PersonName.FamilyName"/>), compared case- and diacritics-insensitively.</summary>
    FamilyName = 2,

    /// <summary>The display name (<see cref="Profile.PersonName.DisplayName"/>), compared case- and diacritics-insensitively.</summary>
    DisplayName = 3,

    /// <summary>Any email address, compared by <see cref="Profile.EmailAddress.NormalizedAddress"/>.</summary>
    Email = 4,

    /// <summary>Any phone number, compared by E.164 form and extension.</summary>
    Phone = 5,

    /// <summary>The birthday, compared exactly (a birthday without a year matches only another without a year).</summary>
    Birthday = 6,

    /// <summary>One custom attribute, named by <see cref="DuplicateCriterion.AttributeKey"/>; texts compare like names, other kinds exactly.</summary>
    Attribute = 7,
}
