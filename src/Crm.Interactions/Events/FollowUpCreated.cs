using Crm.Events;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a follow-up task was created: by hand, by a chaining rule, or by a rule run when a case was opened.</summary>
[CrmEventType("crm.interactions.follow_up_created", 1)]
public sealed record FollowUpCreated : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant, an id or the assignee is empty.</exception>
    public FollowUpCreated(TenantId tenantId, Instant occurredAt, FollowUpId followUpId, ContactId contactId, CaseId? caseId, TeamMemberId assignee, Instant dueAt, int attempt, FollowUpId? previousId)
        : base(tenantId, occurredAt)
    {
        FollowUpId.ThrowIfEmpty(followUpId);
        ContactId.ThrowIfEmpty(contactId);
        if (assignee.IsEmpty)
        {
            throw new ArgumentException("The assignee must not be empty.", nameof(assignee));
        }

        FollowUpId = followUpId;
        ContactId = contactId;
        CaseId = caseId;
        Assignee = assignee;
        DueAt = dueAt;
        Attempt = attempt;
        PreviousId = previousId;
    }

    /// <summary>The follow-up.</summary>
    public FollowUpId FollowUpId { get; }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The case it is about, if any.</summary>
    public CaseId? CaseId { get; }

    /// <summary>Who is to do it.</summary>
    public TeamMemberId Assignee { get; }

    /// <summary>When it is due.</summary>
    public Instant DueAt { get; }

    /// <summary>Its attempt number in its chain (1 for a first follow-up).</summary>
    public int Attempt { get; }

    /// <summary>The completed follow-up whose outcome led to it, if a chaining rule created it.</summary>
    public FollowUpId? PreviousId { get; }
}
