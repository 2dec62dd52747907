using Crm.Loyalty.Ledger;
using Crm.Loyalty.Tiers;
using NodaTime;

namespace Crm.EntityFrameworkCore.Loyalty;

/// <summary>A row of crm_loyalty_tier_changes: one record of a member's tier history, appended once and never updated; the latest row per member is the stored tier.</summary>
internal sealed class LoyaltyTierChangeRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public string? FromTierId { get; set; }
    public string? ToTierId { get; set; }
    public TierChangeReason Reason { get; set; }
    public Instant ChangedAt { get; set; }
    public decimal Qualifying { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public LedgerEntryId? CausedByEntryId { get; set; }
}

/// <summary>A row of crm_loyalty_activity: what one ledger entry added to its member's ranking figures (<see cref="Crm.Loyalty.Members.LedgerEntryFigures"/>), money in units of 10⁻⁸, so rankings sum integers in one query.</summary>
internal sealed class LoyaltyActivityRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public LedgerEntryId EntryId { get; set; }
    public Instant RecordedAt { get; set; }
    public long PointsEarned { get; set; }
    public long SpentUnits { get; set; }
    public long PointsRedeemed { get; set; }
}
