namespace Crm.Interactions.Templates;

/// <summary>A message rendered from a <see cref="MessageTemplate"/>: subject and body, encoded for <see cref="Format"/>.</summary>
public sealed class RenderedMessage
{
    internal RenderedMessage(string templateName, MessageFormat format, string subject, string body)
    {
        TemplateName = templateName;
        Format = format;
        Subject = subject;
        Body = body;
    }

    /// <summary>The template's name.</summary>
    public string TemplateName { get; }

    /// <summary>Plain text or HTML.</summary>
    public MessageFormat Format { get; }

    /// <summary>The rendered subject (empty when the template had none).</summary>
    public string Subject { get; }

    /// <summary>The rendered body.</summary>
    public string Body { get; }

    /// <inheritdoc />
    public override string ToString() => $"RenderedMessage {TemplateName} ({Format})";
}
