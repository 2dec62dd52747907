namespace Crm.Interactions.Templates;

/// <summary>The contact fields a template may read, as <c>{{ contact.given_name }}</c>, <c>contact.family_name</c>, <c>contact.display_name</c> and <c>contact.email</c>; nothing else about the contact is reachable.</summary>
/// <remarks>The host copies only what a message may show; an empty or blank value counts as missing and gets the template's fallback.</remarks>
public sealed class TemplateContact
{
    /// <summary>Creates the contact values; each is trimmed, blank becomes missing.</summary>
    /// <exception cref="ArgumentException">A value has control characters or is longer than 500 characters.</exception>
    public TemplateContact(string? givenName = null, string? familyName = null, string? displayName = null, string? email = null)
    {
        GivenName = TemplateValue(givenName, "TemplateContact.GivenName", nameof(givenName));
        FamilyName = TemplateValue(familyName, "TemplateContact.FamilyName", nameof(familyName));
        DisplayName = TemplateValue(displayName, "TemplateContact.DisplayName", nameof(displayName));
        Email = TemplateValue(email, "TemplateContact.Email", nameof(email));
    }

    /// <summary>A contact with no values (every placeholder gets its fallback).</summary>
    public static TemplateContact None { get; } = new();

    /// <summary><c>contact.given_name</c>.</summary>
    public string? GivenName { get; }

    /// <summary><c>contact.family_name</c>.</summary>
    public string? FamilyName { get; }

    /// <summary><c>contact.display_name</c>.</summary>
    public string? DisplayName { get; }

    /// <summary><c>contact.email</c>.</summary>
    public string? Email { get; }

    /// <inheritdoc />
    public override string ToString() => "TemplateContact";

    internal static string? TemplateValue(string? value, string field, string paramName)
        => TextRules.OptionalText(value, field, paramName, 500, allowLineBreaks: false);
}
