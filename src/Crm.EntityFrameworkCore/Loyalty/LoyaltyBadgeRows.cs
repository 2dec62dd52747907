using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.EntityFrameworkCore.Loyalty;

/// <summary>A row of crm_loyalty_badges: one badge awarded to a member, appended once and never updated; (tenant, member, key) is unique.</summary>
internal sealed class LoyaltyBadgeRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public string BadgeId { get; set; } = "";
    public string Key { get; set; } = "";
    public Instant AchievedAt { get; set; }
    public Instant AwardedAt { get; set; }
    public long Points { get; set; }
    public LedgerEntryId? EntryId { get; set; }
}
