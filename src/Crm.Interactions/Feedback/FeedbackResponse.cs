using Crm.Interactions.Support;
using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Feedback;

/// <summary>One answer of a contact to a feedback survey: a score, an optional comment, the channel and when.</summary>
/// <remarks>Every response is kept as its own record (a time series per contact), never overwritten by the next one.</remarks>
public sealed class FeedbackResponse
{
    /// <summary>Creates a response snapshot.</summary>
    /// <exception cref="ArgumentException">An id or the tenant is empty, or the comment breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The survey is not defined or the score is off its scale.</exception>
    public FeedbackResponse(
        TenantId tenantId, FeedbackId id, ContactId contactId, FeedbackSurvey survey, int score, string? comment, InteractionChannel channel,
        Instant respondedAt, CaseId? caseId, Instant recordedAt, ConcurrencyStamp concurrencyStamp)
    {
        TenantId.ThrowIfEmpty(tenantId);
        FeedbackId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        EnumRules.Check(channel, nameof(channel));
        if (caseId is { IsEmpty: true } || concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("A feedback response needs a stamp, and its case link must not be an empty id.", nameof(caseId));
        }

        TenantId = tenantId;
        Id = id;
        ContactId = contactId;
        Survey = survey;
        Score = FeedbackScale.Check(survey, score, nameof(score));
        Comment = TextRules.OptionalText(comment, "FeedbackResponse.Comment", nameof(comment));
        Channel = channel;
        RespondedAt = respondedAt;
        CaseId = caseId;
        RecordedAt = recordedAt;
        ConcurrencyStamp = concurrencyStamp;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The id.</summary>
    public FeedbackId Id { get; }

    /// <summary>Who answered.</summary>
    public ContactId ContactId { get; }

    /// <summary>Which question was answered.</summary>
    public FeedbackSurvey Survey { get; }

    /// <summary>The score, on the survey's scale (<see cref="FeedbackScale"/>).</summary>
    public int Score { get; }

    /// <summary>The contact's own words; <see langword="null"/> when none, or after erasure.</summary>
    [PersonalData]
    public string? Comment { get; }

    /// <summary>The channel the answer came through.</summary>
    public InteractionChannel Channel { get; }

    /// <summary>When the contact answered.</summary>
    public Instant RespondedAt { get; }

    /// <summary>The support case the survey was about, if any.</summary>
    public CaseId? CaseId { get; }

    /// <summary>When it was stored.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The version token, new on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }

    internal FeedbackResponse Anonymized()
        => new(TenantId, Id, ContactId, Survey, Score, null, Channel, RespondedAt, CaseId, RecordedAt, ConcurrencyStamp.New());

    /// <summary>The survey, score and instant; never the comment.</summary>
    public override string ToString() => $"{Survey} {Score} at {RespondedAt} ({Id})";
}
