namespace Crm.Loyalty.Badges;

/// <summary>A badge for <see cref="Years"/> years of membership, counted from the local date of the member's first ledger entry; awarded once.</summary>
/// <remarks>Achieved at the start of the anniversary's local day in the program's time zone (a member who joined on 29 February
/// reaches it on 28 February of a common year, as NodaTime adds years).</remarks>
/// <param name="Id">The badge's id (see <see cref="BadgeRule.Id"/>).</param>
/// <param name="Years">How many years; at least 1.</param>
public sealed record MembershipAnniversaryBadge(string Id, int Years) : BadgeRule(Id)
{
    internal override IEnumerable<BadgeAchievement> Achievements(BadgeHistory history)
    {
        if (history.FirstEntry is not { } first)
        {
            yield break;
        }

        var at = StartOf(first.InZone(history.TimeZone).Date.PlusYears(Years), history.TimeZone);
        if (at <= history.AsOf)
        {
            yield return new BadgeAchievement(this, Key, at);
        }
    }

    internal override void Validate(List<string> failures)
    {
        base.Validate(failures);
        if (Years < 1)
        {
            failures.Add($"{Label}: Years must be at least 1 (was {Years}).");
        }
    }
}
