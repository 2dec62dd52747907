namespace Crm.Loyalty.Referrals;

/// <summary>Where a referral stands on its way to the double-sided reward.</summary>
public enum ReferralStatus
{
    /// <summary>The referee is bound to the referrer; no qualifying purchase yet.</summary>
    Attributed = 1,

    /// <summary>The referee made the first qualifying purchase; the rewards are due once its return window has passed.</summary>
    Qualified = 2,

    /// <summary>The rewards were paid through the ledger.</summary>
    Paid = 3,

    /// <summary>The qualifying purchase was refunded within its return window; nothing will be paid for this referral.</summary>
    Voided = 4,
}
