using Crm.Interactions.Support;
using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.FollowUps;

/// <summary>A follow-up task for a contact (optionally about a support case): who does it, by when, why, and — once closed — what came of it.</summary>
/// <remarks>
/// Snapshots are immutable; <see cref="FollowUpManager"/> makes new ones with a new <see cref="ConcurrencyStamp"/>, so two
/// agents closing the same task cannot both win. A chain of follow-ups (a retry after no answer) links each task to the
/// one it followed (<see cref="PreviousId"/>) and counts its <see cref="Attempt"/>.
/// </remarks>
public sealed class FollowUp
{
    /// <summary>The longest <see cref="Reason"/>.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Creates a snapshot; <see cref="FollowUpManager"/> validates input, this constructor checks the invariants.</summary>
    /// <exception cref="ArgumentException">An id, the tenant or the assignee is empty, the reason is blank or too long, the due instant is before the creation, or the status does not match the outcome fields.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined or <paramref name="attempt"/> is not positive.</exception>
    public FollowUp(
        TenantId tenantId, FollowUpId id, ContactId contactId, CaseId? caseId, TeamMemberId assignee, string reason, Instant createdAt, Instant dueAt, int attempt,
        FollowUpId? previousId, FollowUpStatus status, FollowUpOutcome? outcome, string? outcomeNote, Instant? closedAt, TeamMemberId? closedBy,
        InteractionId? outcomeEntryId, FollowUpId? nextId, ConcurrencyStamp concurrencyStamp)
    {
        TenantId.ThrowIfEmpty(tenantId);
        FollowUpId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        EnumRules.Check(status, nameof(status));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        if (caseId is { IsEmpty: true } || previousId is { IsEmpty: true } || outcomeEntryId is { IsEmpty: true } || nextId is { IsEmpty: true } || previousId == id || nextId == id)
        {
            throw new ArgumentException("A follow-up's case, previous follow-up and outcome entry must be null or other records' non-empty ids.", nameof(caseId));
        }

        if (assignee.IsEmpty || closedBy is { IsEmpty: true } || concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("A follow-up needs an assignee and a stamp; ClosedBy must be null or a non-empty id.", nameof(assignee));
        }

        if (dueAt < createdAt)
        {
            throw new ArgumentException($"FollowUp.DueAt ({dueAt}) must not be before FollowUp.CreatedAt ({createdAt}).", nameof(dueAt));
        }

        if (outcome is { } o)
        {
            EnumRules.Check(o, nameof(outcome));
        }

        var closedRight = status switch
        {
            FollowUpStatus.Open => outcome is null && outcomeNote is null && closedAt is null && closedBy is null && outcomeEntryId is null && nextId is null,
            FollowUpStatus.Done => outcome is not null && closedAt is not null && outcomeEntryId is not null,
            _ => outcome is null && outcomeNote is null && closedAt is not null && outcomeEntryId is null && nextId is null,
        };
        if (!closedRight || closedAt < createdAt)
        {
            throw new ArgumentException("An open follow-up has no outcome and is not closed; a done one has an outcome, its timeline entry and a closing instant; a cancelled one a closing instant only (never before the creation).", nameof(status));
        }

        TenantId = tenantId;
        Id = id;
        ContactId = contactId;
        CaseId = caseId;
        Assignee = assignee;
        Reason = TextRules.OptionalText(reason, "FollowUp.Reason", nameof(reason), MaxReasonLength, allowLineBreaks: false)
            ?? throw new ArgumentException("FollowUp.Reason must not be blank.", nameof(reason));
        CreatedAt = createdAt;
        DueAt = dueAt;
        Attempt = attempt;
        PreviousId = previousId;
        Status = status;
        Outcome = outcome;
        OutcomeNote = TextRules.OptionalText(outcomeNote, "FollowUp.OutcomeNote", nameof(outcomeNote));
        ClosedAt = closedAt;
        ClosedBy = closedBy;
        OutcomeEntryId = outcomeEntryId;
        NextId = nextId;
        ConcurrencyStamp = concurrencyStamp;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The id.</summary>
    public FollowUpId Id { get; }

    /// <summary>The contact to follow up with.</summary>
    public ContactId ContactId { get; }

    /// <summary>The support case it is about, if any.</summary>
    public CaseId? CaseId { get; }

    /// <summary>The team member who is to do it.</summary>
    public TeamMemberId Assignee { get; }

    /// <summary>Why (a one-line summary in the team's words; replaced on erasure).</summary>
    [PersonalData]
    public string Reason { get; }

    /// <summary>When the task was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>When it is due; never before <see cref="CreatedAt"/>.</summary>
    public Instant DueAt { get; }

    /// <summary>Its place in a chain: 1 for a first follow-up, 2 for the retry after it, and so on.</summary>
    public int Attempt { get; }

    /// <summary>The follow-up whose outcome led to this one, if any.</summary>
    public FollowUpId? PreviousId { get; }

    /// <summary>Open, done or cancelled.</summary>
    public FollowUpStatus Status { get; }

    /// <summary>What came of it, once done.</summary>
    public FollowUpOutcome? Outcome { get; }

    /// <summary>The agent's note on the outcome, if any; <see langword="null"/> after erasure.</summary>
    [PersonalData]
    public string? OutcomeNote { get; }

    /// <summary>When it was done or cancelled.</summary>
    public Instant? ClosedAt { get; }

    /// <summary>Who closed it, if known.</summary>
    public TeamMemberId? ClosedBy { get; }

    /// <summary>The timeline entry that records the outcome, once done.</summary>
    public InteractionId? OutcomeEntryId { get; }

    /// <summary>The follow-up a chaining rule created when this one was completed, if any.</summary>
    public FollowUpId? NextId { get; }

    /// <summary>The version token, new on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }

    /// <summary>Whether it is open and due before <paramref name="asOf"/>.</summary>
    public bool IsOverdue(Instant asOf) => Status == FollowUpStatus.Open && DueAt < asOf;

    /// <summary>The text a reason gets on erasure.</summary>
    internal const string ErasedReason = "(erased)";

    internal FollowUp Done(FollowUpOutcome outcome, string? note, Instant at, TeamMemberId? by, InteractionId entry, FollowUpId? next)
        => new(TenantId, Id, ContactId, CaseId, Assignee, Reason, CreatedAt, DueAt, Attempt, PreviousId, FollowUpStatus.Done, outcome, note, at, by, entry, next, ConcurrencyStamp.New());

    internal FollowUp Cancelled(Instant at, TeamMemberId? by)
        => new(TenantId, Id, ContactId, CaseId, Assignee, Reason, CreatedAt, DueAt, Attempt, PreviousId, FollowUpStatus.Cancelled, null, null, at, by, null, null, ConcurrencyStamp.New());

    internal FollowUp Anonymized()
        => new(TenantId, Id, ContactId, CaseId, Assignee, ErasedReason, CreatedAt, DueAt, Attempt, PreviousId, Status, Outcome, null, ClosedAt, ClosedBy, OutcomeEntryId, NextId, ConcurrencyStamp.New());

    /// <summary>The id, status, attempt and due instant; never the reason or note.</summary>
    public override string ToString() => $"FollowUp {Id} {Status} (attempt {Attempt}, due {DueAt})";
}
