using Crm.Events;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox, once per case and timer, by the explicit SLA check when a target was missed.</summary>
[CrmEventType("crm.interactions.sla_breached", 1)]
public sealed record SlaBreached : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public SlaBreached(TenantId tenantId, Instant occurredAt, CaseId caseId, ContactId contactId, SlaTimerKind timer, CasePriority priority, Instant? dueAt, Duration missedBy, Instant checkedAsOf)
        : base(tenantId, occurredAt)
    {
        CaseId.ThrowIfEmpty(caseId);
        ContactId.ThrowIfEmpty(contactId);
        CaseId = caseId;
        ContactId = contactId;
        Timer = timer;
        Priority = priority;
        DueAt = dueAt;
        MissedBy = missedBy;
        CheckedAsOf = checkedAsOf;
    }

    /// <summary>The case.</summary>
    public CaseId CaseId { get; }

    /// <summary>The customer.</summary>
    public ContactId ContactId { get; }

    /// <summary>Which target was missed.</summary>
    public SlaTimerKind Timer { get; }

    /// <summary>The case priority.</summary>
    public CasePriority Priority { get; }

    /// <summary>When the target ran out.</summary>
    public Instant? DueAt { get; }

    /// <summary>The business time beyond the target at the check (final when the timer was met late).</summary>
    public Duration MissedBy { get; }

    /// <summary>The instant the check computed the timers at.</summary>
    public Instant CheckedAsOf { get; }
}
