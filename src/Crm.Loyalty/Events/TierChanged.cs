using Crm.Events;
using Crm.Loyalty.Tiers;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox in the change set that stores a member's new tier (an upgrade with the earning that caused it, or a review's downgrade).</summary>
[CrmEventType("crm.loyalty.tier_changed", 1)]
public sealed record TierChanged : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or member is empty.</exception>
    public TierChanged(TenantId tenantId, Instant occurredAt, ContactId contactId, string? fromTierId, string? toTierId, TierChangeReason reason, decimal qualifying)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
        FromTierId = fromTierId;
        ToTierId = toTierId;
        Reason = reason;
        Qualifying = qualifying;
    }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The tier before, or <see langword="null"/>.</summary>
    public string? FromTierId { get; }

    /// <summary>The tier after, or <see langword="null"/>.</summary>
    public string? ToTierId { get; }

    /// <summary>Why the tier changed.</summary>
    public TierChangeReason Reason { get; }

    /// <summary>The qualifying figure the decision was made on.</summary>
    public decimal Qualifying { get; }
}
