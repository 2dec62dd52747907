using NodaTime;

namespace Crm.EntityFrameworkCore.Loyalty;

/// <summary>A row of crm_loyalty_referrals: one referee's referral for the referral reward (replaced as it moves from attributed to qualified to paid or voided).</summary>
internal sealed class LoyaltyReferralRow
{
    public TenantId TenantId { get; set; }
    public ContactId RefereeId { get; set; }
    public ContactId ReferrerId { get; set; }
    public string Status { get; set; } = "";
    public Instant AttributedAt { get; set; }
    public string SourceKey { get; set; } = "";
    public string? PurchaseKey { get; set; }
    public decimal? PurchaseAmount { get; set; }
    public string? PurchaseCurrency { get; set; }
    public Instant? PurchasedAt { get; set; }
    public Instant? EligibleAt { get; set; }
    public long RefereePoints { get; set; }
    public long ReferrerPoints { get; set; }
    public string ChainPoints { get; set; } = "";
    public Instant? SettledAt { get; set; }
}

/// <summary>A row of crm_loyalty_referral_rejections: a rejected referral claim with its reason, appended once per claim source.</summary>
internal sealed class LoyaltyReferralRejectionRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public string SourceKey { get; set; } = "";
    public ContactId RefereeId { get; set; }
    public ContactId ReferrerId { get; set; }
    public string Code { get; set; } = "";
    public Instant RejectedAt { get; set; }
}

/// <summary>A row of crm_loyalty_member_merges: the member whose ledger moved to a survivor.</summary>
internal sealed class LoyaltyMemberMergeRow
{
    public TenantId TenantId { get; set; }
    public ContactId AbsorbedId { get; set; }
    public ContactId SurvivorId { get; set; }
    public Instant MergedAt { get; set; }
}
