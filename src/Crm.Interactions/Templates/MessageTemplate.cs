using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Crm.Interactions.Templates;

/// <summary>A message template in Liquid syntax (<c>Dear {{ contact.given_name }}, your case {{ case.tracking_code }} ...</c>), parsed and checked once by <see cref="Parse"/>, rendered many times by <see cref="Render(TemplateContact?, TemplateCase?)"/>.</summary>
/// <remarks>
/// Rendered with Fluid against only the values of <see cref="TemplateContact"/> and <see cref="TemplateCase"/>, under
/// the snake_case names listed in <see cref="Placeholders"/>: any other member, method, type or file is unreachable
/// and renders as nothing. A missing value renders as its configured fallback, or as the Liquid <c>default</c>
/// filter's argument (<c>{{ contact.given_name | default: "customer" }}</c>). In <see cref="MessageFormat.Html"/>
/// templates every value in the body is HTML-encoded; the subject, a mail header, is never encoded. Instances are
/// immutable and thread-safe.
/// </remarks>
public sealed class MessageTemplate
{
    /// <summary>The most Liquid statements one render may run (a loop cannot run away; ranges such as <c>(1..n)</c> are refused by <see cref="Parse"/>).</summary>
    public const int MaxSteps = 10_000;

    private static readonly FluidParser Parser = CreateParser();
    private static readonly HtmlEncoder BodyHtmlEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFluidTemplate? subject;
    private readonly IFluidTemplate body;
    private readonly TemplateOptions options;

    private MessageTemplate(string name, MessageFormat format, IFluidTemplate? subject, IFluidTemplate body, FrozenDictionary<string, string> fallbacks)
    {
        Name = name;
        Format = format;
        this.subject = subject;
        this.body = body;
        Fallbacks = fallbacks;
        options = CreateOptions(fallbacks);
    }

    /// <summary>Every placeholder a template can read.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
    [
        "contact.given_name", "contact.family_name", "contact.display_name", "contact.email",
        "case.tracking_code", "case.subject", "case.status", "case.priority", "case.category",
    ];

    /// <summary>The template's name, such as <c>case-acknowledgement</c>.</summary>
    public string Name { get; }

    /// <summary>Plain text or HTML.</summary>
    public MessageFormat Format { get; }

    /// <summary>The text each placeholder renders when its value is missing, by placeholder (<c>contact.given_name</c> → <c>customer</c>).</summary>
    public IReadOnlyDictionary<string, string> Fallbacks { get; }

    /// <summary>Parses and checks a template once.</summary>
    /// <param name="name">The template's name (a label of at most 100 characters).</param>
    /// <param name="format">Plain text or HTML.</param>
    /// <param name="subject">The subject template, or <see langword="null"/> for a message without one.</param>
    /// <param name="body">The body template.</param>
    /// <param name="fallbacks">Optional fallbacks for missing values, keyed by a name from <see cref="Placeholders"/>.</param>
    /// <exception cref="TemplateSyntaxException">The subject or body is not valid Liquid; the message gives the line and column.</exception>
    /// <exception cref="ArgumentException">The name or body is blank, a fallback names an unknown placeholder, or a text breaks its rule.</exception>
    public static MessageTemplate Parse(string name, MessageFormat format, string? subject, string body, IReadOnlyDictionary<string, string>? fallbacks = null)
    {
        var checkedName = TextRules.OptionalLabel(name, "MessageTemplate.Name", nameof(name))
            ?? throw new ArgumentException("MessageTemplate.Name must not be blank.", nameof(name));
        EnumRules.Check(format, nameof(format));
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var frozen = CheckFallbacks(fallbacks);
        var subjectTemplate = subject is null ? null : ParsePart(checkedName, "subject", subject, nameof(subject));
        var bodyTemplate = ParsePart(checkedName, "body", body, nameof(body));
        return new MessageTemplate(checkedName, format, subjectTemplate, bodyTemplate, frozen);
    }

    /// <summary>Renders the template for a contact and, optionally, a case; a value not given renders as its fallback or as nothing.</summary>
    /// <param name="contact">The contact's values, or <see langword="null"/> when the message has no contact.</param>
    /// <param name="supportCase">The case's values, or <see langword="null"/> when the message is about no case.</param>
    /// <exception cref="InvalidOperationException">The template ran more than <see cref="MaxSteps"/> statements or nested too deep.</exception>
    public RenderedMessage Render(TemplateContact? contact, TemplateCase? supportCase = null) => Render(contact, supportCase, null);

    /// <summary>Renders the template for a contact and a case, with helpful links readable as <c>{{ links.&lt;name&gt; }}</c> (an unknown name renders as nothing).</summary>
    /// <param name="contact">The contact's values, or <see langword="null"/> when the message has no contact.</param>
    /// <param name="supportCase">The case's values, or <see langword="null"/> when the message is about no case.</param>
    /// <param name="links">Link texts by name (plain strings: nothing else becomes readable), or <see langword="null"/> for none.</param>
    /// <exception cref="InvalidOperationException">The template ran more than <see cref="MaxSteps"/> statements or nested too deep.</exception>
    public RenderedMessage Render(TemplateContact? contact, TemplateCase? supportCase, IReadOnlyDictionary<string, string>? links)
    {
        var context = new TemplateContext(options);
        context.SetValue("contact", contact ?? TemplateContact.None);
        context.SetValue("case", supportCase ?? TemplateCase.None);
        context.SetValue("links", links is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(links, StringComparer.Ordinal));
        try
        {
            var renderedSubject = subject?.Render(context, NullEncoder.Default) ?? string.Empty;
            var renderedBody = body.Render(context, Format == MessageFormat.Html ? BodyHtmlEncoder : NullEncoder.Default);
            return new RenderedMessage(Name, Format, renderedSubject, renderedBody);
        }
        catch (InvalidOperationException e)
        {
            // Fluid reports the step limit with a message about recursion and includes; say what happened.
            throw new InvalidOperationException($"Template '{Name}' ran more than {MaxSteps} statements or nested too deep.", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"MessageTemplate {Name} ({Format})";

    private static FluidParser CreateParser()
    {
        // No tag that reads a file: a template must not reach anything it was not given.
        var parser = new FluidParser();
        parser.RegisteredTags.Remove("include");
        parser.RegisteredTags.Remove("render");
        return parser;
    }

    private static IFluidTemplate ParsePart(string name, string part, string text, string paramName)
    {
        if (!Parser.TryParse(text, out var template, out var error))
        {
            throw new TemplateSyntaxException(name, part, error, paramName);
        }

        var ranges = new RangeFinder();
        ranges.VisitTemplate(template);
        return ranges.Found
            ? throw new TemplateSyntaxException(name, part, "ranges such as (1..n) are not allowed in message templates (they allocate before the step limit applies).", paramName)
            : template;
    }

    private static FrozenDictionary<string, string> CheckFallbacks(IReadOnlyDictionary<string, string>? fallbacks)
    {
        if (fallbacks is null)
        {
            return FrozenDictionary<string, string>.Empty;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (placeholder, text) in fallbacks)
        {
            if (!Placeholders.Contains(placeholder, StringComparer.Ordinal))
            {
                throw new ArgumentException($"MessageTemplate fallbacks must name a known placeholder ({string.Join(", ", Placeholders)}).", nameof(fallbacks));
            }

            result[placeholder] = TextRules.OptionalText(text, "MessageTemplate fallback", nameof(fallbacks), 500, allowLineBreaks: false)
                ?? throw new ArgumentException("A MessageTemplate fallback must not be blank.", nameof(fallbacks));
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static TemplateOptions CreateOptions(FrozenDictionary<string, string> fallbacks)
    {
        var options = new TemplateOptions
        {
            MaxSteps = MaxSteps,
            FileProvider = new Microsoft.Extensions.FileProviders.NullFileProvider(),
            MemberAccessStrategy = new DefaultMemberAccessStrategy(),
        };
        // The json filter serializes a whole .NET object with System.Text.Json reflection, past the registered members.
        options.Filters.Remove("json");
        var members = options.MemberAccessStrategy;
        string? Or(string? value, string placeholder) => value ?? fallbacks.GetValueOrDefault(placeholder);
        members.Register<TemplateContact, string?>("given_name", c => Or(c.GivenName, "contact.given_name"));
        members.Register<TemplateContact, string?>("family_name", c => Or(c.FamilyName, "contact.family_name"));
        members.Register<TemplateContact, string?>("display_name", c => Or(c.DisplayName, "contact.display_name"));
        members.Register<TemplateContact, string?>("email", c => Or(c.Email, "contact.email"));
        members.Register<TemplateCase, string?>("tracking_code", c => Or(c.TrackingCode, "case.tracking_code"));
        members.Register<TemplateCase, string?>("subject", c => Or(c.Subject, "case.subject"));
        members.Register<TemplateCase, string?>("status", c => Or(c.Status?.ToString(), "case.status"));
        members.Register<TemplateCase, string?>("priority", c => Or(c.Priority?.ToString(), "case.priority"));
        members.Register<TemplateCase, string?>("category", c => Or(c.Category, "case.category"));
        return options;
    }
}
