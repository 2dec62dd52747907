namespace Crm.Contacts.Attributes;

/// <summary>The type of a <see cref="CustomAttributeValue"/>.</summary>
public enum CustomAttributeKind
{
    /// <summary>The default, empty value; never stored on a contact.</summary>
    None = 0,

    /// <summary>A single text.</summary>
    Text = 1,

    /// <summary>A <see cref="decimal"/> number.</summary>
    Number = 2,

    /// <summary>A yes/no value.</summary>
    Boolean = 3,

    /// <summary>A calendar date (<see cref="NodaTime.LocalDate"/>).</summary>
    Date = 4,

    /// <summary>An amount of <see cref="Crm.Money"/>.</summary>
    Money = 5,
}
