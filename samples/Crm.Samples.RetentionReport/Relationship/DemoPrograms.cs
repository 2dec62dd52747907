using Crm.Interactions.Support;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Referrals;
using Crm.Loyalty.Rewards;
using Crm.Loyalty.Tiers;
using NodaTime;

namespace Crm.Samples.RetentionReport.Relationship;

/// <summary>The generated shop's service promise (SLA policy and business calendar) and its loyalty club.</summary>
internal static class DemoPrograms
{
    /// <summary>The one currency of the generated base.</summary>
    public static readonly CurrencyCode Currency = new("USD");

    /// <summary>The service desk's zone: cases are counted in its business hours.</summary>
    public static readonly DateTimeZone ServiceZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>The first day the loyalty club earns points.</summary>
    public static readonly LocalDate ClubStart = new(2025, 1, 1);

    /// <summary>Monday to Friday, 08:00–18:00 in Berlin, closed on the German public holidays of 2024 and 2025.</summary>
    public static BusinessCalendar Calendar { get; } = new(
        ServiceZone,
        BusinessHours.Weekdays(new LocalTime(8, 0), new LocalTime(18, 0)),
        [
            new(2024, 1, 1), new(2024, 3, 29), new(2024, 4, 1), new(2024, 5, 1), new(2024, 5, 9), new(2024, 5, 20), new(2024, 10, 3), new(2024, 12, 25), new(2024, 12, 26),
            new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 1), new(2025, 5, 29), new(2025, 6, 9), new(2025, 10, 3), new(2025, 12, 25), new(2025, 12, 26),
        ]);

    /// <summary>First response and resolution targets per priority, in business hours.</summary>
    public static SlaPolicy Sla { get; } = new(Calendar, new Dictionary<CasePriority, SlaTargets>
    {
        [CasePriority.Urgent] = new(Duration.FromHours(1), Duration.FromHours(8)),
        [CasePriority.High] = new(Duration.FromHours(2), Duration.FromHours(16)),
        [CasePriority.Normal] = new(Duration.FromHours(4), Duration.FromHours(30)),
        [CasePriority.Low] = new(Duration.FromHours(8), Duration.FromHours(50)),
    });

    /// <summary>
    /// The club: 1 point per dollar (rounded down), points valid for 6 months, no hold, three tiers on points earned in
    /// a rolling 12 months (stored, raised at once; a review would move a member down to the tier the window supports),
    /// three rewards, and refunds of spent points written off (clamped at zero).
    /// </summary>
    public static LoyaltyProgram Club { get; } = new("club", Currency, DateTimeZone.Utc)
    {
        StartsOn = ClubStart,
        Rounding = PointsRounding.Down,
        DebtPolicy = DebtPolicy.ClampAtZero,
        SpendRules = [new SpendRule("base", 1m)],
        ExpiryMonths = 6,
        HoldPeriod = Duration.Zero,
        Rewards = [new Reward("voucher-5", 100), new Reward("voucher-20", 350), new Reward("gift-box", 600) { Stock = 25, PerMemberLimit = 1 }],
        Tiers = [new LoyaltyTier("bronze", 0m), new LoyaltyTier("silver", 100m), new LoyaltyTier("gold", 400m)],
        TierQualification = TierQualification.PointsEarned,
        TierDowngrade = TierDowngradePolicy.ToQualifiedTier,
        TierWindow = TierWindow.Rolling(Period.FromMonths(12)),
    };

    /// <summary>
    /// The club's double-sided referral reward: a referred customer's first purchase of at least $20 pays them 25 points and
    /// their referrer 50, once its 30-day return window has passed without a refund that leaves less than $20.
    /// </summary>
    public static void ReferralRewards(ReferralRewardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MinimumPurchase = 20m;
        options.RefereePoints = 25;
        options.ReferrerPoints = 50;
        options.ReturnWindow = Duration.FromDays(30);
    }
}
