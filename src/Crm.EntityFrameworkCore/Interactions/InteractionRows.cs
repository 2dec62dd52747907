using Crm.Storage;
using NodaTime;

namespace Crm.EntityFrameworkCore.Interactions;

/// <summary>crm_interactions: one timeline entry; read newest first through (tenant, contact, occurred_at desc, id desc).</summary>
internal sealed class InteractionRow
{
    public TenantId TenantId { get; set; }
    public Guid Id { get; set; }
    public ContactId ContactId { get; set; }
    public string Kind { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Direction { get; set; } = "";
    public Instant OccurredAt { get; set; }
    public string? TeamMember { get; set; }
    public string? Summary { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? PurchaseId { get; set; }
    public Guid? ContractId { get; set; }
    public Guid? FeedbackId { get; set; }
    public string? OrderReference { get; set; }
    public Instant RecordedAt { get; set; }
    public ConcurrencyStamp Stamp { get; set; }
}

/// <summary>crm_interaction_keys: idempotency keys of recording commands, unique per tenant.</summary>
internal sealed class InteractionKeyRow
{
    public TenantId TenantId { get; set; }
    public string Key { get; set; } = "";
    public Guid InteractionId { get; set; }
    public Instant RecordedAt { get; set; }
}

/// <summary>crm_purchases: amounts and instants as columns (what metrics read), lines and refunds as a JSON document.</summary>
internal sealed class PurchaseRow
{
    public TenantId TenantId { get; set; }
    public Guid Id { get; set; }
    public ContactId ContactId { get; set; }
    public Instant OccurredAt { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    public decimal RefundedAmount { get; set; }
    public string? OrderReference { get; set; }
    public string Document { get; set; } = "";
    public Instant RecordedAt { get; set; }
    public ConcurrencyStamp Stamp { get; set; }
}

/// <summary>crm_contracts.</summary>
internal sealed class ContractRow
{
    public TenantId TenantId { get; set; }
    public Guid Id { get; set; }
    public ContactId ContactId { get; set; }
    public string? Plan { get; set; }
    public Instant Start { get; set; }
    public Instant? End { get; set; }
    public string Status { get; set; } = "";
    public string? CancellationReason { get; set; }
    public Instant RecordedAt { get; set; }
    public ConcurrencyStamp Stamp { get; set; }
}

/// <summary>crm_cases: the columns that are looked up or indexed (tracking code unique per tenant, SLA-check flag), the rest as a JSON document.</summary>
internal sealed class CaseRow
{
    public TenantId TenantId { get; set; }
    public Guid Id { get; set; }
    public ContactId ContactId { get; set; }
    public string TrackingCode { get; set; } = "";
    public string Status { get; set; } = "";
    public Instant OpenedAt { get; set; }
    public bool AwaitsSlaCheck { get; set; }
    public string Document { get; set; } = "";
    public Instant RecordedAt { get; set; }
    public ConcurrencyStamp Stamp { get; set; }
}

/// <summary>crm_feedback: one survey response (a time series per contact).</summary>
internal sealed class FeedbackRow
{
    public TenantId TenantId { get; set; }
    public Guid Id { get; set; }
    public ContactId ContactId { get; set; }
    public string Survey { get; set; } = "";
    public int Score { get; set; }
    public string? Comment { get; set; }
    public string Channel { get; set; } = "";
    public Instant RespondedAt { get; set; }
    public Guid? CaseId { get; set; }
    public Instant RecordedAt { get; set; }
    public ConcurrencyStamp Stamp { get; set; }
}
