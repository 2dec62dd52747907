using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.FollowUps;

/// <summary>The next follow-up a chaining rule (<see cref="FollowUpChainRule"/>) proposes for a completed one.</summary>
public sealed class FollowUpSuggestion
{
    internal FollowUpSuggestion(FollowUp previous, FollowUpChainRule rule, Instant dueAt, string reason)
    {
        PreviousId = previous.Id;
        ContactId = previous.ContactId;
        CaseId = previous.CaseId;
        Assignee = previous.Assignee;
        Attempt = previous.Attempt + 1;
        DueAt = dueAt;
        Reason = reason;
        Mode = rule.Mode;
    }

    /// <summary>The follow-up whose outcome led to it.</summary>
    public FollowUpId PreviousId { get; }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The case, if the previous follow-up had one.</summary>
    public CaseId? CaseId { get; }

    /// <summary>The assignee (the previous follow-up's).</summary>
    public TeamMemberId Assignee { get; }

    /// <summary>Its attempt number.</summary>
    public int Attempt { get; }

    /// <summary>When it would be due.</summary>
    public Instant DueAt { get; }

    /// <summary>Its reason.</summary>
    public string Reason { get; }

    /// <summary>Whether the rule only suggests it or creates it with the completion.</summary>
    public FollowUpChainMode Mode { get; }

    /// <summary>A draft for <see cref="FollowUpManager.CreateAsync"/>, for a host that accepts the suggestion.</summary>
    public FollowUpDraft ToDraft() => new() { ContactId = ContactId, Case = CaseId, Assignee = Assignee, Reason = Reason, DueAt = DueAt };

    /// <inheritdoc />
    public override string ToString() => $"FollowUpSuggestion attempt {Attempt} due {DueAt} ({Mode})";
}
