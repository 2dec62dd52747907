namespace Crm.Interactions.Templates;

/// <summary>How a <see cref="MessageTemplate"/> is rendered: what its values are encoded for.</summary>
public enum MessageFormat
{
    /// <summary>Plain text: values are written as they are, nothing is encoded.</summary>
    PlainText = 0,

    /// <summary>HTML: every value is HTML-encoded, so markup in a contact's name shows as text.</summary>
    Html = 1,
}
