namespace Crm.Loyalty.Referrals;

/// <summary>The built-in abuse checks, for hosts that build a <see cref="ReferralRewardManager"/> without DI (<c>AddLoyaltyReferralRewards()</c> registers them).</summary>
public static class ReferralAbuseChecks
{
    /// <summary>New instances of the built-in checks, in the order they run: self-referral, cycle through the Crm.Contacts graph, shared e-mail (<c>+tag</c> stripped), shared phone, shared fingerprint.</summary>
    public static IReadOnlyList<IReferralAbuseCheck> CreateDefaults()
        => [new SelfReferralCheck(), new ReferralCycleCheck(), new SharedEmailCheck(), new SharedPhoneCheck(), new SharedFingerprintCheck()];
}
