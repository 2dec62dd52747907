using NodaTime;

namespace Crm.Loyalty.Badges;

/// <summary>A badge for <see cref="Purchases"/> purchases within <see cref="WindowDays"/> consecutive local days (for example 5 purchases in 90 days); awarded once.</summary>
/// <remarks>A purchase is an earning of a purchase (<c>AccruePurchaseAsync</c>); one whose refunds took back all its points
/// does not count. The window is a rolling run of local dates in the program's time zone: the first and the last of the
/// purchases fall less than <see cref="WindowDays"/> days apart. Achieved at the purchase that completes the count.
/// A badge once awarded stays, even if a later refund would have prevented it.</remarks>
/// <param name="Id">The badge's id (see <see cref="BadgeRule.Id"/>).</param>
/// <param name="Purchases">How many purchases; at least 1.</param>
/// <param name="WindowDays">The window's length in days; at least 1.</param>
public sealed record PurchaseCountBadge(string Id, int Purchases, int WindowDays) : BadgeRule(Id)
{
    internal override IEnumerable<BadgeAchievement> Achievements(BadgeHistory history)
    {
        var dates = history.Purchases.Select(p => p.InZone(history.TimeZone).Date).ToList();
        for (var last = Purchases - 1; last < dates.Count; last++)
        {
            if (Period.Between(dates[last - Purchases + 1], dates[last], PeriodUnits.Days).Days < WindowDays)
            {
                yield return new BadgeAchievement(this, Key, history.Purchases[last]);
                yield break;
            }
        }
    }

    internal override void Validate(List<string> failures)
    {
        base.Validate(failures);
        if (Purchases < 1)
        {
            failures.Add($"{Label}: Purchases must be at least 1 (was {Purchases}).");
        }

        if (WindowDays < 1)
        {
            failures.Add($"{Label}: WindowDays must be at least 1 (was {WindowDays}).");
        }
    }
}
