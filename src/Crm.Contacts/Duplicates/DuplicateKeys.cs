using System.Globalization;
using System.Text;
using Crm.Contacts.Attributes;

namespace Crm.Contacts.Duplicates;

/// <summary>Computes the normalized <see cref="DuplicateKey"/>s of a contact; stores that index duplicates use it so every store agrees.</summary>
/// <remarks>
/// <para>Names (given, family, display) and text attributes: compatibility-decomposed (Unicode NFKD), combining marks
/// removed, lower-cased (invariant culture), a few letters that do not decompose folded (ß→ss, æ→ae, œ→oe, ø→o, ł→l,
/// đ→d, ı→i, þ→th), and every run of characters that are not letters or digits (spaces, hyphens, apostrophes, dots)
/// collapsed to one space, trimmed. So <c>"  José-María  O'Neil"</c>, <c>"jose maria o neil"</c> and
/// <c>"JOSÉ MARÍA O’NEIL"</c> give the same key. A name with no letter or digit gives no key.</para>
/// <para>Emails: <see cref="Profile.EmailAddress.NormalizedAddress"/> (lower case, punycode domain; dots and
/// <c>+tags</c> kept). Phones: E.164 form, plus <c>;ext=</c> and the extension when there is one. Birthdays:
/// <c>--MM-DD</c> or <c>YYYY-MM-DD</c>. Other attribute kinds: the kind and the invariant text of the value.</para>
/// </remarks>
public static class DuplicateKeys
{
    /// <summary>Every key of <paramref name="contact"/> for the built-in criteria and for every custom attribute it has.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public static IReadOnlyList<DuplicateKey> For(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var keys = new List<DuplicateKey>();
        foreach (var kind in BuiltInKinds)
        {
            keys.AddRange(For(contact, DuplicateCriterion.Of(kind)));
        }

        foreach (var name in contact.Attributes.Keys)
        {
            keys.AddRange(For(contact, DuplicateCriterion.Attribute(name)));
        }

        return keys;
    }

    /// <summary>The keys of <paramref name="contact"/> for one criterion: none when the contact has no value, several for several emails or phones.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<DuplicateKey> For(Contact contact, DuplicateCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(criterion);
        var values = new List<string>();
        switch (criterion.Kind)
        {
            case DuplicateCriterionKind.GivenName:
                AddIfAny(values, NormalizeText(contact.Name?.GivenName));
                break;
            case DuplicateCriterionKind.FamilyName:
                AddIfAny(values, NormalizeText(contact.Name?.FamilyName));
                break;
            case DuplicateCriterionKind.DisplayName:
                AddIfAny(values, NormalizeText(contact.Name?.DisplayName));
                break;
            case DuplicateCriterionKind.Email:
                values.AddRange(contact.Emails.Select(e => e.NormalizedAddress));
                break;
            case DuplicateCriterionKind.Phone:
                values.AddRange(contact.PhoneNumbers.Select(p => p.ToString()));
                break;
            case DuplicateCriterionKind.Birthday:
                AddIfAny(values, contact.Birthday?.ToString());
                break;
            case DuplicateCriterionKind.Attribute:
                if (FindAttribute(contact, criterion.AttributeKey!) is { } value)
                {
                    AddIfAny(values, value.Kind == CustomAttributeKind.Text
                        ? NormalizeText(value.AsText())
                        : string.Create(CultureInfo.InvariantCulture, $"{value.Kind}:{value}"));
                }

                break;
            default:
                break;
        }

        return values.Distinct(StringComparer.Ordinal).Select(v => new DuplicateKey(criterion, v)).ToArray();
    }

    /// <summary>Normalizes a name or text for comparison (see the remarks of <see cref="DuplicateKeys"/>); <see langword="null"/> when nothing comparable remains.</summary>
    public static string? NormalizeText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            AppendFolded(builder, char.ToLowerInvariant(c));
        }

        return builder.Length == 0 ? null : builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static readonly DuplicateCriterionKind[] BuiltInKinds =
    [
        DuplicateCriterionKind.GivenName, DuplicateCriterionKind.FamilyName, DuplicateCriterionKind.DisplayName,
        DuplicateCriterionKind.Email, DuplicateCriterionKind.Phone, DuplicateCriterionKind.Birthday,
    ];

    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ß': builder.Append("ss"); break;
            case 'æ': builder.Append("ae"); break;
            case 'œ': builder.Append("oe"); break;
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'đ': builder.Append('d'); break;
            case 'ı': builder.Append('i'); break;
            case 'þ': builder.Append("th"); break;
            default: builder.Append(c); break;
        }
    }

    private static void AddIfAny(List<string> values, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values.Add(value);
        }
    }

    private static CustomAttributeValue? FindAttribute(Contact contact, string key)
        => contact.Attributes.TryGetValue(key, out var value) ? value : null;
}
