using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Feedback;

/// <summary>What <see cref="FeedbackManager.RecordAsync"/> records: one answer to an NPS, CSAT or CES survey.</summary>
public sealed record FeedbackDraft
{
    /// <summary>Who answered (required).</summary>
    public ContactId ContactId { get; init; }

    /// <summary>The survey (required).</summary>
    public FeedbackSurvey Survey { get; init; }

    /// <summary>The score on the survey's scale (<see cref="FeedbackScale"/>).</summary>
    public int Score { get; init; }

    /// <summary>The contact's comment (at most 4,000 characters).</summary>
    public string? Comment { get; init; }

    /// <summary>The channel the answer came through (default <see cref="InteractionChannel.Email"/>).</summary>
    public InteractionChannel Channel { get; init; } = InteractionChannel.Email;

    /// <summary>When the contact answered; <see langword="null"/> means now. Not in the future.</summary>
    public Instant? RespondedAt { get; init; }

    /// <summary>The support case the survey was about, if any.</summary>
    public CaseId? Case { get; init; }

    /// <summary>Makes the command safe to repeat: a redelivered survey webhook records one response.</summary>
    public string? IdempotencyKey { get; init; }
}
