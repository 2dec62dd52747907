using Crm.Events;
using Crm.Interactions.Purchases;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a purchase was refunded in full or in part.</summary>
[CrmEventType("crm.interactions.purchase_refunded", 1)]
public sealed record PurchaseRefunded : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public PurchaseRefunded(TenantId tenantId, Instant occurredAt, PurchaseId purchaseId, ContactId contactId, int refundNumber, decimal amount, decimal remainingAmount, string currency)
        : base(tenantId, occurredAt)
    {
        PurchaseId.ThrowIfEmpty(purchaseId);
        ContactId.ThrowIfEmpty(contactId);
        PurchaseId = purchaseId;
        ContactId = contactId;
        RefundNumber = refundNumber;
        Amount = amount;
        RemainingAmount = remainingAmount;
        Currency = currency;
    }

    /// <summary>The refunded purchase.</summary>
    public PurchaseId PurchaseId { get; }

    /// <summary>The buyer.</summary>
    public ContactId ContactId { get; }

    /// <summary>The refund's number among the purchase's refunds, from 1.</summary>
    public int RefundNumber { get; }

    /// <summary>The amount refunded.</summary>
    public decimal Amount { get; }

    /// <summary>What is left of the purchase after the refund (0: fully refunded).</summary>
    public decimal RemainingAmount { get; }

    /// <summary>The ISO 4217 currency code.</summary>
    public string Currency { get; }
}
