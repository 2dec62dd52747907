namespace Crm.Interactions.Templates;

/// <summary>Thrown by <see cref="MessageTemplate.Parse"/> when a subject or body is not valid Liquid; the message names the template, the part and the position.</summary>
public sealed class TemplateSyntaxException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public TemplateSyntaxException(string templateName, string part, string error, string? paramName)
        : base($"Template '{templateName}' has a syntax error in its {part}: {error}", paramName)
    {
        TemplateName = templateName;
        Part = part;
        Error = error;
    }

    /// <summary>The template's name.</summary>
    public string TemplateName { get; }

    /// <summary><c>subject</c> or <c>body</c>.</summary>
    public string Part { get; }

    /// <summary>The parser's description, with the line and column, such as <c>... at (1:12)</c>.</summary>
    public string Error { get; }
}
