namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>The club's double-sided referral rewards at the report date, read back from the loyalty store's tables.</summary>
/// <param name="Attributed">Referred customers bound to their referrer (one referral record each).</param>
/// <param name="Rejected">Referral claims the abuse checks rejected.</param>
/// <param name="Paid">Referrals whose rewards were paid (the referee's reward entry exists).</param>
/// <param name="Rewards">Reward entries credited, referees' and referrers' together.</param>
/// <param name="Points">Points those entries credited.</param>
internal sealed record ReferralRewardFigures(long Attributed, long Rejected, long Paid, long Rewards, long Points);
