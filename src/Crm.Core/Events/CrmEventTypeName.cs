namespace Crm.Events;

/// <summary>The rule for event type names: 3–128 characters of lower-case ASCII letters, digits, '.' and '_', starting with a letter.</summary>
internal static class CrmEventTypeName
{
    public const int MaxLength = 128;

    public static void Validate(string? name, string paramName)
    {
        if (name is null || name.Length is < 3 or > MaxLength || name[0] is < 'a' or > 'z')
        {
            throw new ArgumentException($"An event type name must be 3 to {MaxLength} characters and start with a lower-case letter (was '{name}').", paramName);
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_'))
            {
                throw new ArgumentException($"An event type name may contain only lower-case ASCII letters, digits, '.' and '_' (was '{name}').", paramName);
            }
        }
    }
}
