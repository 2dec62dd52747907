namespace Crm.Interactions;

/// <summary>Checks that an enum argument is one of its defined values.</summary>
internal static class EnumRules
{
    public static TEnum Check<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
        => Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a defined {typeof(TEnum).Name} value.");
}
