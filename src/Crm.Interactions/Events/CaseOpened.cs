using Crm.Events;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a support case was opened (or a legacy case imported).</summary>
[CrmEventType("crm.interactions.case_opened", 1)]
public sealed record CaseOpened : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public CaseOpened(TenantId tenantId, Instant occurredAt, CaseId caseId, ContactId contactId, string trackingCode, CasePriority priority, InteractionChannel channel, bool isImported)
        : base(tenantId, occurredAt)
    {
        CaseId.ThrowIfEmpty(caseId);
        ContactId.ThrowIfEmpty(contactId);
        CaseId = caseId;
        ContactId = contactId;
        TrackingCode = trackingCode;
        Priority = priority;
        Channel = channel;
        IsImported = isImported;
    }

    /// <summary>The case.</summary>
    public CaseId CaseId { get; }

    /// <summary>The customer.</summary>
    public ContactId ContactId { get; }

    /// <summary>The tracking code (not personal data: a reference number).</summary>
    public string TrackingCode { get; }

    /// <summary>The priority.</summary>
    public CasePriority Priority { get; }

    /// <summary>The channel it came in through.</summary>
    public InteractionChannel Channel { get; }

    /// <summary>Whether it was imported with a legacy code.</summary>
    public bool IsImported { get; }
}
