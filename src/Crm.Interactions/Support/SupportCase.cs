using System.Collections.Immutable;
using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>A contact's support case: a human-readable tracking code, status with history, priority, category, channel, SLA targets and timers, the contacts it took to resolve, and links to the contact's earlier related cases.</summary>
/// <remarks>Snapshots are immutable; <see cref="SupportCaseManager"/> makes new ones with a new <see cref="ConcurrencyStamp"/>.</remarks>
public sealed class SupportCase
{
    /// <summary>Creates a case snapshot; <see cref="SupportCaseManager"/> validates input, this constructor checks the invariants.</summary>
    /// <exception cref="ArgumentException">An id or the tenant is empty, the tracking code breaks its rule, the history is empty, out of order or does not start open, or a text breaks its rule.</exception>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    public SupportCase(
        TenantId tenantId, CaseId id, ContactId contactId, string trackingCode, bool isImported, string? subject, CasePriority priority, string? category,
        InteractionChannel channel, TeamMemberId? assignee, IEnumerable<CaseStatusChange> statusHistory, Instant? firstResponseAt, int contactCount,
        IEnumerable<CaseId> relatedCases, SlaTargets? slaTargets, SlaProgress slaProgress, Instant recordedAt, ConcurrencyStamp concurrencyStamp)
    {
        TenantId.ThrowIfEmpty(tenantId);
        CaseId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(statusHistory);
        ArgumentNullException.ThrowIfNull(relatedCases);
        EnumRules.Check(priority, nameof(priority));
        EnumRules.Check(channel, nameof(channel));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contactCount);
        var history = statusHistory.ToImmutableArray();
        if (history.IsEmpty || history[0] is null || history[0].Status != CaseStatus.Open)
        {
            throw new ArgumentException("A case's status history must start with Open.", nameof(statusHistory));
        }

        for (var i = 1; i < history.Length; i++)
        {
            if (history[i] is null || history[i].At < history[i - 1].At || !CaseStatusRules.IsAllowed(history[i - 1].Status, history[i].Status))
            {
                throw new ArgumentException("A case's status history must be in time order and follow the allowed status flow.", nameof(statusHistory));
            }
        }

        if (firstResponseAt is { } f && f < history[0].At)
        {
            throw new ArgumentException("The first response must not be before the case was opened.", nameof(firstResponseAt));
        }

        if (assignee is { IsEmpty: true } || concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("A case needs a stamp, and its assignee must not be an empty id.", nameof(assignee));
        }

        TenantId = tenantId;
        Id = id;
        ContactId = contactId;
        TrackingCode = TrackingCodeFormat.CheckCode(trackingCode, nameof(trackingCode));
        IsImported = isImported;
        Subject = TextRules.OptionalText(subject, "SupportCase.Subject", nameof(subject), 500, allowLineBreaks: false);
        Priority = priority;
        Category = TextRules.OptionalLabel(category, "SupportCase.Category", nameof(category));
        Channel = channel;
        Assignee = assignee;
        StatusHistory = history;
        FirstResponseAt = firstResponseAt;
        ContactCount = contactCount;
        RelatedCases = relatedCases.Distinct().ToImmutableArray();
        if (RelatedCases.Any(r => r.IsEmpty || r == id))
        {
            throw new ArgumentException("Related cases must be other cases' ids.", nameof(relatedCases));
        }

        SlaTargets = slaTargets;
        SlaProgress = slaProgress;
        RecordedAt = recordedAt;
        ConcurrencyStamp = concurrencyStamp;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The id.</summary>
    public CaseId Id { get; }

    /// <summary>The customer.</summary>
    public ContactId ContactId { get; }

    /// <summary>The human-readable code customers quote (<c>Case-6548</c>); unique in the tenant and never reused.</summary>
    public string TrackingCode { get; }

    /// <summary>Whether the code was imported from a legacy system rather than issued.</summary>
    public bool IsImported { get; }

    /// <summary>A one-line subject in the customer's or team's words; <see langword="null"/> after erasure.</summary>
    [PersonalData]
    public string? Subject { get; }

    /// <summary>The priority.</summary>
    public CasePriority Priority { get; }

    /// <summary>The category, if given (a label, not personal data).</summary>
    public string? Category { get; }

    /// <summary>The channel the case came in through.</summary>
    public InteractionChannel Channel { get; }

    /// <summary>The team member working on it, if assigned.</summary>
    public TeamMemberId? Assignee { get; }

    /// <summary>Every status the case entered, in order, starting with <see cref="CaseStatus.Open"/> at <see cref="OpenedAt"/>.</summary>
    public IReadOnlyList<CaseStatusChange> StatusHistory { get; }

    /// <summary>The current status.</summary>
    public CaseStatus Status => StatusHistory[^1].Status;

    /// <summary>When the case was opened.</summary>
    public Instant OpenedAt => StatusHistory[0].At;

    /// <summary>When the status last changed.</summary>
    public Instant LastChangedAt => StatusHistory[^1].At;

    /// <summary>When the team first responded, or <see langword="null"/>.</summary>
    public Instant? FirstResponseAt { get; }

    /// <summary>When the case was last resolved, or <see langword="null"/> when it never was.</summary>
    public Instant? ResolvedAt => StatusHistory.LastOrDefault(static c => c.Status == CaseStatus.Resolved)?.At;

    /// <summary>How many times it was reopened.</summary>
    public int ReopenCount => StatusHistory.Where((c, i) => i > 0 && CaseStatusRules.IsReopen(StatusHistory[i - 1].Status, c.Status)).Count();

    /// <summary>How many times the customer contacted the team about it until resolution: 1 for the contact that opened it, plus each inbound interaction linked to it while unresolved.</summary>
    /// <remarks>A case resolved with a count of 1 is a first-contact resolution.</remarks>
    public int ContactCount { get; }

    /// <summary>Whether it was resolved on the contact that opened it, never reopened.</summary>
    public bool IsFirstContactResolution => ResolvedAt is not null && ContactCount == 1 && ReopenCount == 0;

    /// <summary>The same contact's earlier cases about the same problem.</summary>
    public IReadOnlyList<CaseId> RelatedCases { get; }

    /// <summary>The SLA targets the case was opened with, or <see langword="null"/> when it has no SLA.</summary>
    public SlaTargets? SlaTargets { get; }

    /// <summary>Which SLA outcomes <see cref="SupportCaseManager.CheckSlaAsync"/> already decided (and raised events for).</summary>
    public SlaProgress SlaProgress { get; }

    /// <summary>Whether <see cref="SupportCaseManager.CheckSlaAsync"/> still has something to decide about this case.</summary>
    public bool AwaitsSlaCheck => SlaTargets is not null && (SlaProgress & SlaProgress.Decided) != SlaProgress.Decided;

    /// <summary>When it was first stored.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The version token, new on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }

    /// <summary>The SLA timers at <paramref name="asOf"/>, counted in <paramref name="calendar"/>'s business hours, or <see langword="null"/> when the case has no SLA.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public CaseSla? GetSla(BusinessCalendar calendar, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return SlaTargets is null ? null : SlaClock.Compute(this, SlaTargets, calendar, asOf);
    }

    internal SupportCase With(
        IEnumerable<CaseStatusChange>? history = null, Instant? firstResponseAt = null, int? contactCount = null, SlaProgress? slaProgress = null,
        TeamMemberId? assignee = null, bool anonymize = false)
        => new(TenantId, Id, ContactId, TrackingCode, IsImported, anonymize ? null : Subject, Priority, Category, Channel, assignee ?? Assignee,
            history ?? StatusHistory, firstResponseAt ?? FirstResponseAt, contactCount ?? ContactCount, RelatedCases, SlaTargets,
            slaProgress ?? SlaProgress, RecordedAt, ConcurrencyStamp.New());

    /// <summary>The tracking code, status and priority; never the subject.</summary>
    public override string ToString() => $"{TrackingCode} {Status} ({Priority}, {Id})";
}
