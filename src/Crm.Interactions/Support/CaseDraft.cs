using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>What <see cref="SupportCaseManager.OpenAsync"/> (or <see cref="SupportCaseManager.ImportAsync"/>) opens.</summary>
public sealed record CaseDraft
{
    /// <summary>The customer (required).</summary>
    public ContactId ContactId { get; init; }

    /// <summary>A one-line subject (at most 500 characters).</summary>
    public string? Subject { get; init; }

    /// <summary>The priority (default <see cref="CasePriority.Normal"/>); the SLA targets depend on it.</summary>
    public CasePriority Priority { get; init; } = CasePriority.Normal;

    /// <summary>A category label; new cases link to the contact's earlier cases of the same category (<see cref="SupportOptions.AutoLinkRelatedCases"/>).</summary>
    public string? Category { get; init; }

    /// <summary>The channel the case came in through (default <see cref="InteractionChannel.Email"/>).</summary>
    public InteractionChannel Channel { get; init; } = InteractionChannel.Email;

    /// <summary>The team member it is assigned to, if any.</summary>
    public TeamMemberId? Assignee { get; init; }

    /// <summary>When the customer got in touch; <see langword="null"/> means now. Not in the future.</summary>
    public Instant? OpenedAt { get; init; }

    /// <summary>Earlier cases of the same contact about the same problem.</summary>
    public IReadOnlyList<CaseId> RelatedCases { get; init; } = [];

    /// <summary>The contact's values the acknowledgement (<see cref="Automation.CaseAutomationOptions.Acknowledgement"/>) may show; <see langword="null"/> renders the template's fallbacks.</summary>
    public Templates.TemplateContact? Recipient { get; init; }

    /// <summary>Makes the command safe to repeat: a redelivered e-mail opens one case.</summary>
    public string? IdempotencyKey { get; init; }
}
