using Crm.Loyalty.Ledger;

namespace Crm.Loyalty.Referrals;

/// <summary>What <see cref="ReferralRewardManager.SettleReferralRewardsAsync"/> did.</summary>
/// <param name="Settled">The referrals marked paid by this call.</param>
/// <param name="Rewards">The reward entries credited by this call (a repeat credits none).</param>
/// <param name="Capped">How many referrer or chain rewards a per-period cap withheld.</param>
public sealed record ReferralSettlement(IReadOnlyList<LoyaltyReferral> Settled, IReadOnlyList<LedgerEntry> Rewards, int Capped);
