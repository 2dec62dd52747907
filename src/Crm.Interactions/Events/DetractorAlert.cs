using Crm.Events;
using Crm.Interactions.Feedback;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox with FeedbackRecorded when an NPS score is at or below the detractor threshold: someone should call the customer.</summary>
[CrmEventType("crm.interactions.detractor_alert", 1)]
public sealed record DetractorAlert : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public DetractorAlert(TenantId tenantId, Instant occurredAt, FeedbackId feedbackId, ContactId contactId, int score, int threshold)
        : base(tenantId, occurredAt)
    {
        FeedbackId.ThrowIfEmpty(feedbackId);
        ContactId.ThrowIfEmpty(contactId);
        FeedbackId = feedbackId;
        ContactId = contactId;
        Score = score;
        Threshold = threshold;
    }

    /// <summary>The response.</summary>
    public FeedbackId FeedbackId { get; }

    /// <summary>The detractor.</summary>
    public ContactId ContactId { get; }

    /// <summary>The NPS score.</summary>
    public int Score { get; }

    /// <summary>The threshold in force (<see cref="FeedbackOptions.DetractorThreshold"/>).</summary>
    public int Threshold { get; }
}
