using Crm.Contacts.Lifecycle;
using Crm.Events;
using NodaTime;

namespace Crm.Contacts.Events;

/// <summary>Written to the outbox when a contact moved to another lifecycle stage.</summary>
[CrmEventType("crm.contacts.lifecycle_stage_changed", 1)]
public sealed record LifecycleStageChanged : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or contact id is empty.</exception>
    public LifecycleStageChanged(TenantId tenantId, Instant occurredAt, ContactId contactId, LifecycleStage from, LifecycleStage to, string? churnReasonCode)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
        From = from;
        To = to;
        ChurnReasonCode = churnReasonCode;
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The stage left.</summary>
    public LifecycleStage From { get; }

    /// <summary>The stage entered.</summary>
    public LifecycleStage To { get; }

    /// <summary>The churn reason code on moves to <see cref="LifecycleStage.Churned"/> (never the staff note).</summary>
    public string? ChurnReasonCode { get; }
}
