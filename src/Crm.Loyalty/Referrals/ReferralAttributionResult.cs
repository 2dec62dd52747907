namespace Crm.Loyalty.Referrals;

/// <summary>The result of <see cref="ReferralRewardManager.AttributeAsync"/>.</summary>
/// <param name="Outcome">Whether the claim was attributed or rejected.</param>
/// <param name="Referral">The referee's referral (also when the claim was rejected because another referrer was bound first), or <see langword="null"/>.</param>
/// <param name="Rejection">The recorded rejection, when rejected.</param>
public sealed record ReferralAttributionResult(ReferralAttributionOutcome Outcome, LoyaltyReferral? Referral, ReferralRejection? Rejection);
