using Crm.Events;
using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Events;

/// <summary>Written to the outbox in the change set that awards a member a badge (with the earning that pays its points, if any).</summary>
[CrmEventType("crm.loyalty.badge_awarded", 1)]
public sealed record BadgeAwarded : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or member is empty, or the badge id or key is empty.</exception>
    public BadgeAwarded(TenantId tenantId, Instant occurredAt, ContactId contactId, string badgeId, string key, long points)
        : base(tenantId, occurredAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(badgeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ContactId = contactId;
        BadgeId = badgeId;
        Key = key;
        Points = points;
    }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The badge's id in the program.</summary>
    public string BadgeId { get; }

    /// <summary>The award's key, unique per member (a listener may be idempotent on it).</summary>
    public string Key { get; }

    /// <summary>The points the award paid (0 for none).</summary>
    public long Points { get; }

    /// <summary>The earning entry that paid the points, or <see langword="null"/>.</summary>
    public LedgerEntryId? EntryId { get; init; }
}
