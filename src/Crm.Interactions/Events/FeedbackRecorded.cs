using Crm.Events;
using Crm.Interactions.Feedback;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a feedback response was recorded on a contact.</summary>
[CrmEventType("crm.interactions.feedback_recorded", 1)]
public sealed record FeedbackRecorded : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public FeedbackRecorded(TenantId tenantId, Instant occurredAt, FeedbackId feedbackId, ContactId contactId, FeedbackSurvey survey, int score, CaseId? caseId, Instant respondedAt)
        : base(tenantId, occurredAt)
    {
        FeedbackId.ThrowIfEmpty(feedbackId);
        ContactId.ThrowIfEmpty(contactId);
        FeedbackId = feedbackId;
        ContactId = contactId;
        Survey = survey;
        Score = score;
        CaseId = caseId;
        RespondedAt = respondedAt;
    }

    /// <summary>The response.</summary>
    public FeedbackId FeedbackId { get; }

    /// <summary>Who answered.</summary>
    public ContactId ContactId { get; }

    /// <summary>The survey.</summary>
    public FeedbackSurvey Survey { get; }

    /// <summary>The score.</summary>
    public int Score { get; }

    /// <summary>The case the survey was about, if any.</summary>
    public CaseId? CaseId { get; }

    /// <summary>When the contact answered.</summary>
    public Instant RespondedAt { get; }
}
