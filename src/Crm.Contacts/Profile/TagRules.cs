using System.Collections.Immutable;
using System.Text;

namespace Crm.Contacts.Profile;

/// <summary>The tag rule: trimmed, NFC-normalized, inner white space collapsed to one space, 1–64 characters, no control characters; compared case-insensitively.</summary>
internal static class TagRules
{
    public const int MaxLength = 64;

    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static ImmutableSortedSet<string> EmptySet { get; } = ImmutableSortedSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    public static string Normalize(string? tag, string paramName)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            throw new ArgumentException("Tag must not be empty or white space.", paramName);
        }

        var builder = new StringBuilder(tag.Length);
        var pendingSpace = false;
        foreach (var c in tag.Trim().Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (char.IsControl(c))
            {
                throw new ArgumentException("Tag must not contain control characters.", paramName);
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        if (builder.Length > MaxLength)
        {
            throw new ArgumentException($"Tag must be at most {MaxLength} characters (was {builder.Length}).", paramName);
        }

        return builder.ToString();
    }
}
