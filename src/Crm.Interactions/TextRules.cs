using System.Text;

namespace Crm.Interactions;

/// <summary>Validation of the package's free texts; messages name the field and the rule, never the value.</summary>
internal static class TextRules
{
    /// <summary>The longest summary, comment or reason.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The longest category, label or code.</summary>
    public const int MaxLabelLength = 100;

    /// <summary>Trims and NFC-normalizes an optional text; empty becomes <see langword="null"/>; line breaks and tabs are allowed, other control characters and lone surrogates are not.</summary>
    public static string? OptionalText(string? value, string field, string paramName, int maxLength = MaxTextLength, bool allowLineBreaks = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                throw new ArgumentException($"{field} must not contain control characters{(allowLineBreaks ? " other than line breaks and tabs" : string.Empty)}.", paramName);
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[++i])))
            {
                throw new ArgumentException($"{field} must be well-formed Unicode (it has a lone surrogate).", paramName);
            }
        }

        trimmed = trimmed.Normalize(NormalizationForm.FormC);
        return trimmed.Length > maxLength
            ? throw new ArgumentException($"{field} must be at most {maxLength} characters (was {trimmed.Length}).", paramName)
            : trimmed;
    }

    /// <summary>An optional single-line label such as a category (at most <see cref="MaxLabelLength"/> characters).</summary>
    public static string? OptionalLabel(string? value, string field, string paramName)
        => OptionalText(value, field, paramName, MaxLabelLength, allowLineBreaks: false);
}
