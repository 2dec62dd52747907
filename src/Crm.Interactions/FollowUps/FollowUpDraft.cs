using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.FollowUps;

/// <summary>What <see cref="FollowUpManager.CreateAsync"/> creates.</summary>
public sealed record FollowUpDraft
{
    /// <summary>The contact to follow up with (required).</summary>
    public ContactId ContactId { get; init; }

    /// <summary>The contact's support case it is about, if any.</summary>
    public CaseId? Case { get; init; }

    /// <summary>Who is to do it (required).</summary>
    public TeamMemberId Assignee { get; init; }

    /// <summary>Why: a one-line summary (required, at most 500 characters).</summary>
    public string Reason { get; init; } = "";

    /// <summary>When it is due (required); not before it is created.</summary>
    public Instant DueAt { get; init; }

    /// <summary>The contact, assignee and due instant; never the reason.</summary>
    public override string ToString() => $"FollowUpDraft for {ContactId} to {Assignee} due {DueAt}";
}
