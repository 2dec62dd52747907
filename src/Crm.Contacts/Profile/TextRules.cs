using System.Text;

namespace Crm.Contacts.Profile;

/// <summary>Shared validation of short texts and codes; messages name the field and the rule, never the value.</summary>
internal static class TextRules
{
    /// <summary>Trims, NFC-normalizes and checks a required single-line text.</summary>
    public static string RequiredText(string? value, int maxLength, string field, string paramName)
        => OptionalText(value, maxLength, field, paramName)
            ?? throw new ArgumentException($"{field} must not be empty or white space.", paramName);

    /// <summary>Trims, NFC-normalizes and checks an optional single-line text; empty becomes <see langword="null"/>.</summary>
    public static string? OptionalText(string? value, int maxLength, string field, string paramName, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        trimmed = trimmed.Normalize(NormalizationForm.FormC);
        if (trimmed.Length > maxLength)
        {
            throw new ArgumentException($"{field} must be at most {maxLength} characters (was {trimmed.Length}).", paramName);
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                throw new ArgumentException($"{field} must not contain control characters{(allowLineBreaks ? " other than line breaks and tabs" : string.Empty)}.", paramName);
            }
        }

        return trimmed;
    }

    /// <summary>Checks a machine code: 1–<paramref name="maxLength"/> ASCII letters, digits, '-', '_', '.' or ':', returned in lower case.</summary>
    public static string Code(string? value, int maxLength, string field, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty or white space.", paramName);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new ArgumentException($"{field} must be at most {maxLength} characters (was {trimmed.Length}).", paramName);
        }

        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                throw new ArgumentException($"{field} may contain only ASCII letters, digits, '-', '_', '.' and ':'.", paramName);
            }
        }

        return trimmed.ToLowerInvariant();
    }
}
