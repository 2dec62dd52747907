namespace Crm.Loyalty;

public static partial class LoyaltyEventIds
{
    /// <summary>A referral was attributed to its referrer (Information).</summary>
    public const int ReferralAttributed = 3040;

    /// <summary>A referral claim was rejected; the message carries the reason code (Warning).</summary>
    public const int ReferralRejected = 3041;

    /// <summary>A referee's first qualifying purchase was recorded; the rewards fall due after its return window (Information).</summary>
    public const int ReferralQualified = 3042;

    /// <summary>A referral's qualifying purchase was refunded within its window and the referral voided (Information).</summary>
    public const int ReferralVoided = 3043;

    /// <summary>A referral's rewards were settled (Information).</summary>
    public const int ReferralSettled = 3044;

    /// <summary>A referrer's reward was not paid because a per-period cap was reached (Information).</summary>
    public const int ReferralRewardCapped = 3045;

    /// <summary>A merged member's ledger moved to the survivor (Information).</summary>
    public const int LedgerMerged = 3046;
}
