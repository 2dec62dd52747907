namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>The loyalty club at the report date, from each member's tier and statement.</summary>
/// <param name="Members">Contacts with at least one ledger entry.</param>
/// <param name="Tiers">Members per tier, lowest tier first (every tier of the program, also an empty one).</param>
/// <param name="OutstandingPoints">The points liability: the sum of the members' closing balances (available and pending, net of debt).</param>
/// <param name="Earned">Points earned (gross, before refund clawbacks).</param>
/// <param name="Redeemed">Points redeemed, as a positive number.</param>
/// <param name="Expired">Points expired, as a positive number.</param>
/// <param name="Reversed">The net of reversals: refund clawbacks (negative) and cancelled redemptions (positive).</param>
/// <param name="ExpiringNext30Days">Points in open lots that expire within 30 days after the report date.</param>
internal sealed record LoyaltyFigures(int Members, IReadOnlyList<TierCount> Tiers, long OutstandingPoints, long Earned, long Redeemed, long Expired, long Reversed, long ExpiringNext30Days)
{
    /// <summary>Redeemed / earned (0–1), or null when nothing was earned.</summary>
    public double? RedemptionRate => Earned == 0 ? null : (double)Redeemed / Earned;
}
