using Crm.Interactions;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using Crm.Storage;
using NodaTime;

namespace Crm.EntityFrameworkCore.Interactions;

/// <summary>crm_follow_ups: one follow-up task; an assignee's open work is read through (tenant, assignee, status, due_at, id).</summary>
internal sealed class FollowUpRow
{
    public TenantId TenantId { get; set; }
    public Guid Id { get; set; }
    public ContactId ContactId { get; set; }
    public Guid? CaseId { get; set; }
    public string Assignee { get; set; } = "";
    public string Status { get; set; } = "";
    public Instant DueAt { get; set; }
    public Instant CreatedAt { get; set; }
    public int Attempt { get; set; }
    public Guid? PreviousId { get; set; }
    public Guid? NextId { get; set; }
    public string Reason { get; set; } = "";
    public string? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public Instant? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public Guid? OutcomeEntryId { get; set; }
    public ConcurrencyStamp Stamp { get; set; }

    public static FollowUpRow From(FollowUp f) => new()
    {
        TenantId = f.TenantId, Id = f.Id.Value, ContactId = f.ContactId, CaseId = f.CaseId?.Value, Assignee = f.Assignee.Value, Status = f.Status.ToString(), DueAt = f.DueAt,
        CreatedAt = f.CreatedAt, Attempt = f.Attempt, PreviousId = f.PreviousId?.Value, NextId = f.NextId?.Value, Reason = f.Reason, Outcome = f.Outcome?.ToString(),
        OutcomeNote = f.OutcomeNote, ClosedAt = f.ClosedAt, ClosedBy = f.ClosedBy?.Value, OutcomeEntryId = f.OutcomeEntryId?.Value, Stamp = f.ConcurrencyStamp,
    };

    public FollowUp ToFollowUp() => new(
        TenantId, new FollowUpId(Id), ContactId, CaseId is { } c ? new CaseId(c) : null, new TeamMemberId(Assignee), Reason, CreatedAt, DueAt, Attempt,
        PreviousId is { } p ? new FollowUpId(p) : null, Enum.Parse<FollowUpStatus>(Status), Outcome is null ? null : Enum.Parse<FollowUpOutcome>(Outcome), OutcomeNote, ClosedAt,
        ClosedBy is null ? null : new TeamMemberId(ClosedBy), OutcomeEntryId is { } e ? new InteractionId(e) : null, NextId is { } n ? new FollowUpId(n) : null, Stamp);
}
