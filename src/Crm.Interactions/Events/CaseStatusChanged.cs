using Crm.Events;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a support case changed status.</summary>
[CrmEventType("crm.interactions.case_status_changed", 1)]
public sealed record CaseStatusChanged : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public CaseStatusChanged(TenantId tenantId, Instant occurredAt, CaseId caseId, ContactId contactId, CaseStatus from, CaseStatus to, Instant changedAt)
        : base(tenantId, occurredAt)
    {
        CaseId.ThrowIfEmpty(caseId);
        ContactId.ThrowIfEmpty(contactId);
        CaseId = caseId;
        ContactId = contactId;
        From = from;
        To = to;
        ChangedAt = changedAt;
    }

    /// <summary>The case.</summary>
    public CaseId CaseId { get; }

    /// <summary>The customer.</summary>
    public ContactId ContactId { get; }

    /// <summary>The status before.</summary>
    public CaseStatus From { get; }

    /// <summary>The status after.</summary>
    public CaseStatus To { get; }

    /// <summary>When the status changed.</summary>
    public Instant ChangedAt { get; }
}
