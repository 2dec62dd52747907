namespace Crm.Loyalty.Referrals;

/// <summary>What became of a referral claim.</summary>
public enum ReferralAttributionOutcome
{
    /// <summary>The referee is bound to the claimed referrer (now, or already by an earlier claim naming the same referrer).</summary>
    Attributed = 1,

    /// <summary>The claim was rejected and recorded with its reason.</summary>
    Rejected = 2,
}
