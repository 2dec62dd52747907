using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Badges;

/// <summary>A badge awarded to a member: appended once, never updated or deleted.</summary>
public sealed record AwardedBadge
{
    /// <summary>Creates the record.</summary>
    /// <exception cref="ArgumentException">The tenant or member is empty, the badge id is empty, the key breaks the rule of <see cref="Crm.IdempotencyKey"/>, or the points are negative.</exception>
    public AwardedBadge(TenantId tenantId, ContactId contactId, string badgeId, string key, Instant achievedAt, Instant awardedAt, long points)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(badgeId);
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        TenantId = tenantId;
        ContactId = contactId;
        BadgeId = badgeId;
        Key = Crm.IdempotencyKey.Validate(key, nameof(key));
        AchievedAt = achievedAt;
        AwardedAt = awardedAt;
        Points = points;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The badge's id in the program.</summary>
    public string BadgeId { get; }

    /// <summary>The award's key, unique per member: <c>badge:{badgeId}</c>, or <c>badge:{badgeId}:{yyyy-MM}</c> for a repeating streak.</summary>
    public string Key { get; }

    /// <summary>When the ledger shows the achievement (the purchase, reward or anniversary that completed it).</summary>
    public Instant AchievedAt { get; }

    /// <summary>When the badge was awarded (the evaluation's clock instant).</summary>
    public Instant AwardedAt { get; }

    /// <summary>The points the award paid (0 for none).</summary>
    public long Points { get; }

    /// <summary>The earning entry that paid <see cref="Points"/>, or <see langword="null"/> when the badge pays nothing.</summary>
    public LedgerEntryId? EntryId { get; init; }
}
