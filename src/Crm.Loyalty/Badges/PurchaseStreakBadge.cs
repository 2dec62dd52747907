using System.Globalization;
using NodaTime;

namespace Crm.Loyalty.Badges;

/// <summary>A streak badge: at least one purchase in each of <see cref="Months"/> consecutive calendar months of the program's time zone.</summary>
/// <remarks>
/// <para>Purchases count as for <see cref="PurchaseCountBadge"/>. Achieved at the first purchase of the streak's last month.</para>
/// <para>Awarded once (key <c>badge:{Id}</c>), or, when <see cref="Repeats"/>, once per streak (key
/// <c>badge:{Id}:{yyyy-MM}</c>, the month the streak started): a run of consecutive months with purchases is one streak,
/// however long it lasts; a month without a purchase ends it, and the next run is a new streak.</para>
/// </remarks>
/// <param name="Id">The badge's id (see <see cref="BadgeRule.Id"/>).</param>
/// <param name="Months">How many consecutive months; at least 2.</param>
public sealed record PurchaseStreakBadge(string Id, int Months) : BadgeRule(Id)
{
    /// <summary>Whether every streak is awarded (once per streak start) rather than the first one only.</summary>
    public bool Repeats { get; init; }

    internal override IEnumerable<BadgeAchievement> Achievements(BadgeHistory history)
    {
        var months = history.Purchases
            .Select(p => (Month: YearMonthOf(p.InZone(history.TimeZone).Date), At: p))
            .GroupBy(p => p.Month)
            .Select(g => (g.Key.Year, g.Key.Month, First: g.Min(p => p.At)))
            .OrderBy(m => m.Year).ThenBy(m => m.Month)
            .ToList();
        var runStart = 0;
        for (var i = 0; i < months.Count; i++)
        {
            if (i > 0 && Index(months[i]) != Index(months[i - 1]) + 1)
            {
                runStart = i;
            }

            if (i - runStart + 1 == Months)
            {
                var start = months[runStart];
                yield return new BadgeAchievement(this, Repeats ? string.Create(CultureInfo.InvariantCulture, $"{Key}:{start.Year:D4}-{start.Month:D2}") : Key, months[i].First);
                if (!Repeats)
                {
                    yield break;
                }
            }
        }
    }

    internal override void Validate(List<string> failures)
    {
        base.Validate(failures);
        if (Months < 2)
        {
            failures.Add($"{Label}: Months must be at least 2 (was {Months}).");
        }
    }

    private static (int Year, int Month) YearMonthOf(LocalDate date) => (date.Year, date.Month);

    private static int Index((int Year, int Month, Instant First) month) => (month.Year * 12) + month.Month;
}
