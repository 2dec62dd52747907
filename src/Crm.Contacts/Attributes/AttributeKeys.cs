namespace Crm.Contacts.Attributes;

/// <summary>The rule for custom attribute names: 1–64 ASCII letters, digits, '_', '-' or '.', starting with a letter; compared case-insensitively.</summary>
internal static class AttributeKeys
{
    public const int MaxLength = 64;

    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static string Validate(string? key, string paramName)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("Custom attribute name must not be empty or white space.", paramName);
        }

        var trimmed = key.Trim();
        if (trimmed.Length > MaxLength)
        {
            throw new ArgumentException($"Custom attribute name must be at most {MaxLength} characters (was {trimmed.Length}).", paramName);
        }

        if (!char.IsAsciiLetter(trimmed[0]))
        {
            throw new ArgumentException("Custom attribute name must start with an ASCII letter.", paramName);
        }

        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                throw new ArgumentException("Custom attribute name may contain only ASCII letters, digits, '_', '-' and '.'.", paramName);
            }
        }

        return trimmed;
    }
}
