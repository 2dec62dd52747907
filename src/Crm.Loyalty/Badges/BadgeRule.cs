using NodaTime;

namespace Crm.Loyalty.Badges;

/// <summary>A badge of a loyalty program: an achievement derived from the member's points ledger, awarded once (or, for a repeating streak, once per streak), optionally paying points through the same ledger.</summary>
/// <remarks>
/// <para>The set of rules is closed (<see cref="PurchaseCountBadge"/>, <see cref="FirstReferralBadge"/>,
/// <see cref="MembershipAnniversaryBadge"/>, <see cref="PurchaseStreakBadge"/>): every one is computed from ledger
/// entries only — purchases earned, referral rewards paid, the first entry — never from the balance or other mutable state.</para>
/// <para>Rules are checked by <see cref="Program.LoyaltyProgram.Validate"/> at start-up.</para>
/// </remarks>
/// <param name="Id">The badge's id: 1 to 40 printable ASCII characters without spaces or ':', unique in the program; it becomes part of the award's key <c>badge:{Id}</c>.</param>
public abstract record BadgeRule(string Id)
{
    /// <summary>The longest badge id.</summary>
    public const int MaxIdLength = 40;

    /// <summary>The points the award pays as an earning entry with its own lot; 0 (the default) for a badge that pays nothing; not negative.</summary>
    public long Points { get; init; }

    /// <summary>The award key of a non-repeating badge: <c>badge:{Id}</c>, unique per member.</summary>
    internal string Key => $"badge:{Id}";

    /// <summary>Every achievement of the rule in <paramref name="history"/>, oldest first.</summary>
    internal abstract IEnumerable<BadgeAchievement> Achievements(BadgeHistory history);

    /// <summary>Adds every rule the badge breaks, each naming the field, to <paramref name="failures"/>.</summary>
    internal virtual void Validate(List<string> failures)
    {
        if (Points < 0)
        {
            failures.Add($"Badge '{Id}': Points must not be negative (was {Points}).");
        }
    }

    /// <summary>The label of the badge's rule in messages (<c>Badge 'five-in-90' (PurchaseCountBadge)</c>).</summary>
    private protected string Label => $"Badge '{Id}' ({GetType().Name})";

    /// <summary>The instant the local date <paramref name="date"/> starts in <paramref name="zone"/>.</summary>
    private protected static Instant StartOf(LocalDate date, DateTimeZone zone) => zone.AtStartOfDay(date).ToInstant();
}
