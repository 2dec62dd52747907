using Crm.Events;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a follow-up task was completed with an outcome (recorded on the timeline in the same change set).</summary>
[CrmEventType("crm.interactions.follow_up_completed", 1)]
public sealed record FollowUpCompleted : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public FollowUpCompleted(
        TenantId tenantId, Instant occurredAt, FollowUpId followUpId, ContactId contactId, CaseId? caseId, FollowUpOutcome outcome, Instant completedAt, InteractionId outcomeEntryId, FollowUpId? nextId)
        : base(tenantId, occurredAt)
    {
        FollowUpId.ThrowIfEmpty(followUpId);
        ContactId.ThrowIfEmpty(contactId);
        InteractionId.ThrowIfEmpty(outcomeEntryId);
        FollowUpId = followUpId;
        ContactId = contactId;
        CaseId = caseId;
        Outcome = outcome;
        CompletedAt = completedAt;
        OutcomeEntryId = outcomeEntryId;
        NextId = nextId;
    }

    /// <summary>The follow-up.</summary>
    public FollowUpId FollowUpId { get; }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The case it was about, if any.</summary>
    public CaseId? CaseId { get; }

    /// <summary>What came of it.</summary>
    public FollowUpOutcome Outcome { get; }

    /// <summary>When it was completed.</summary>
    public Instant CompletedAt { get; }

    /// <summary>The timeline entry recording the outcome.</summary>
    public InteractionId OutcomeEntryId { get; }

    /// <summary>The next follow-up a chaining rule created with the completion, if any.</summary>
    public FollowUpId? NextId { get; }
}
