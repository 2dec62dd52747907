using NodaTime;

namespace Crm.Loyalty.Tiers;

/// <summary>One record of a member's tier history: the tier moved from <see cref="FromTierId"/> to <see cref="ToTierId"/>. Records are appended, never updated; the member's tier is the latest one's <see cref="ToTierId"/>.</summary>
public sealed record TierChange
{
    /// <summary>Creates the record.</summary>
    /// <exception cref="ArgumentException">The tenant or member is empty, the key breaks the rule of <see cref="Crm.IdempotencyKey"/>, the tiers are equal, or the reason is not defined.</exception>
    public TierChange(TenantId tenantId, ContactId contactId, string? fromTierId, string? toTierId, TierChangeReason reason, Instant changedAt, decimal qualifying, string idempotencyKey)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        if (string.Equals(fromTierId, toTierId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A tier change must change the tier (both are '{toTierId}').", nameof(toTierId));
        }

        if (reason is TierChangeReason.Unset || !Enum.IsDefined(reason))
        {
            throw new ArgumentException($"A tier change needs a defined reason (was {reason}).", nameof(reason));
        }

        TenantId = tenantId;
        ContactId = contactId;
        FromTierId = fromTierId;
        ToTierId = toTierId;
        Reason = reason;
        ChangedAt = changedAt;
        Qualifying = qualifying;
        IdempotencyKey = Crm.IdempotencyKey.Validate(idempotencyKey, nameof(idempotencyKey));
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The tier before, or <see langword="null"/> when the member had none.</summary>
    public string? FromTierId { get; }

    /// <summary>The tier after, or <see langword="null"/> when a review left the member in no tier.</summary>
    public string? ToTierId { get; }

    /// <summary>Why the tier changed.</summary>
    public TierChangeReason Reason { get; }

    /// <summary>When the change took effect (the earning's instant, or the review's as-of instant).</summary>
    public Instant ChangedAt { get; }

    /// <summary>The qualifying figure the decision was made on (points earned, or currency units spent, in the window the decision measured).</summary>
    public decimal Qualifying { get; }

    /// <summary>The key derived from the decision's source (<c>tier:up:&lt;entry&gt;</c> or <c>tier:review:&lt;member&gt;:&lt;date&gt;</c>); unique in the tenant.</summary>
    public string IdempotencyKey { get; }

    /// <summary>The earning entry whose change set raised the tier, or <see langword="null"/> for a review.</summary>
    public Ledger.LedgerEntryId? CausedByEntryId { get; init; }
}
