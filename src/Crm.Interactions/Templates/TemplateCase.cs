using Crm.Interactions.Support;

namespace Crm.Interactions.Templates;

/// <summary>The support-case fields a template may read, as <c>{{ case.tracking_code }}</c>, <c>case.subject</c>, <c>case.status</c>, <c>case.priority</c> and <c>case.category</c>; nothing else about the case is reachable.</summary>
public sealed class TemplateCase
{
    /// <summary>Creates the case values; each text is trimmed, blank becomes missing.</summary>
    /// <exception cref="ArgumentException">A text has control characters or is longer than 500 characters, or an enum value is undefined.</exception>
    public TemplateCase(string? trackingCode = null, string? subject = null, CaseStatus? status = null, CasePriority? priority = null, string? category = null)
    {
        if (status is { } s)
        {
            EnumRules.Check(s, nameof(status));
        }

        if (priority is { } p)
        {
            EnumRules.Check(p, nameof(priority));
        }

        TrackingCode = TemplateContact.TemplateValue(trackingCode, "TemplateCase.TrackingCode", nameof(trackingCode));
        Subject = TemplateContact.TemplateValue(subject, "TemplateCase.Subject", nameof(subject));
        Status = status;
        Priority = priority;
        Category = TemplateContact.TemplateValue(category, "TemplateCase.Category", nameof(category));
    }

    /// <summary>A case with no values (every placeholder gets its fallback).</summary>
    public static TemplateCase None { get; } = new();

    /// <summary><c>case.tracking_code</c>, such as <c>Case-6548</c>.</summary>
    public string? TrackingCode { get; }

    /// <summary><c>case.subject</c>.</summary>
    public string? Subject { get; }

    /// <summary><c>case.status</c>, rendered by name (<c>Open</c>).</summary>
    public CaseStatus? Status { get; }

    /// <summary><c>case.priority</c>, rendered by name (<c>High</c>).</summary>
    public CasePriority? Priority { get; }

    /// <summary><c>case.category</c>.</summary>
    public string? Category { get; }

    /// <summary>Copies a case's tracking code, subject, current status, priority and category.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="supportCase"/> is null.</exception>
    public static TemplateCase From(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return new TemplateCase(supportCase.TrackingCode, supportCase.Subject, supportCase.Status, supportCase.Priority, supportCase.Category);
    }

    /// <inheritdoc />
    public override string ToString() => TrackingCode is null ? "TemplateCase" : $"TemplateCase {TrackingCode}";
}
