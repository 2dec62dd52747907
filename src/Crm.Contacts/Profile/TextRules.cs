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
    /// <remarks>A text of only white space and invisible format characters (zero-width space, joiners, BOM) counts as
    /// empty; a lone UTF-16 surrogate is refused with an <see cref="ArgumentException"/> naming the field.</remarks>
    public static string? OptionalText(string? value, int maxLength, string field, string paramName, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (IsBlank(trimmed))
        {
            return null;
        }

        RequireWellFormed(trimmed, field, paramName); // String.Normalize would throw naming its own 'strInput'
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

    /// <summary>Whether <paramref name="text"/> shows nothing: only white space and format characters (Unicode Cf, e.g. U+200B).</summary>
    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireWellFormed(string text, string field, string paramName)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new ArgumentException($"{field} must be well-formed Unicode text: it contains a lone surrogate at position {i}.", paramName);
            }
        }
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
