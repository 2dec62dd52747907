namespace Crm.Loyalty.Badges;

/// <summary>A badge for the member's first referral reward paid as referrer (a contact they referred qualified); awarded once.</summary>
/// <remarks>Read from the ledger: an earning keyed <c>referral:{referee}:1</c> written by the referral rewards (<c>ReferralRewardManager</c>). Achieved when that reward was paid.</remarks>
/// <param name="Id">The badge's id (see <see cref="BadgeRule.Id"/>).</param>
public sealed record FirstReferralBadge(string Id) : BadgeRule(Id)
{
    internal override IEnumerable<BadgeAchievement> Achievements(BadgeHistory history)
        => history.ReferrerRewards.Take(1).Select(at => new BadgeAchievement(this, Key, at));
}
