using Crm.Events;
using Crm.Interactions.Purchases;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a purchase was recorded.</summary>
[CrmEventType("crm.interactions.purchase_recorded", 1)]
public sealed record PurchaseRecorded : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public PurchaseRecorded(TenantId tenantId, Instant occurredAt, PurchaseId purchaseId, ContactId contactId, decimal amount, string currency, Instant purchasedAt)
        : base(tenantId, occurredAt)
    {
        PurchaseId.ThrowIfEmpty(purchaseId);
        ContactId.ThrowIfEmpty(contactId);
        PurchaseId = purchaseId;
        ContactId = contactId;
        Amount = amount;
        Currency = currency;
        PurchasedAt = purchasedAt;
    }

    /// <summary>The purchase.</summary>
    public PurchaseId PurchaseId { get; }

    /// <summary>The buyer.</summary>
    public ContactId ContactId { get; }

    /// <summary>The amount paid.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code.</summary>
    public string Currency { get; }

    /// <summary>When the purchase happened.</summary>
    public Instant PurchasedAt { get; }
}
