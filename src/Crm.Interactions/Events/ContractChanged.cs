using Crm.Events;
using Crm.Interactions.Purchases;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a contract was recorded, ended or cancelled.</summary>
[CrmEventType("crm.interactions.contract_changed", 1)]
public sealed record ContractChanged : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public ContractChanged(TenantId tenantId, Instant occurredAt, ContractId contractId, ContactId contactId, ContractStatus status, Instant start, Instant? end)
        : base(tenantId, occurredAt)
    {
        ContractId.ThrowIfEmpty(contractId);
        ContactId.ThrowIfEmpty(contactId);
        ContractId = contractId;
        ContactId = contactId;
        Status = status;
        Start = start;
        End = end;
    }

    /// <summary>The contract.</summary>
    public ContractId ContractId { get; }

    /// <summary>The customer.</summary>
    public ContactId ContactId { get; }

    /// <summary>The status after the change (<see cref="ContractStatus.Active"/> for a new contract).</summary>
    public ContractStatus Status { get; }

    /// <summary>When the contract started.</summary>
    public Instant Start { get; }

    /// <summary>Its planned or actual end.</summary>
    public Instant? End { get; }
}
