using Crm.Loyalty.Ledger;
using Crm.Loyalty.Tiers;
using NodaTime;

namespace Crm.Loyalty.Program;

/// <summary>A declarative loyalty program: how points are earned, held, expire and are clawed back, in the program's time zone.</summary>
/// <remarks>
/// <para>Nothing is implicit: the rounding mode and the debt policy must be chosen, and every rule carries a priority and
/// a stacking mode, so precedence never depends on the order rules were edited in. Rules are evaluated per line in
/// descending priority (ties by ordinal id): an exclusive rule applies alone when it comes first and is skipped when a
/// higher rule already applied; stackable rules add up (rates) or multiply (multipliers).</para>
/// <para><see cref="Validate"/> lists every broken rule; <see cref="ThrowIfInvalid"/> throws <see cref="LoyaltyProgramException"/>.</para>
/// </remarks>
public sealed partial record LoyaltyProgram
{
    /// <summary>Creates a program.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public LoyaltyProgram(string id, CurrencyCode currency, DateTimeZone timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(timeZone);
        Id = id;
        Currency = currency;
        TimeZone = timeZone;
    }

    /// <summary>The program's id, stored in every earning snapshot.</summary>
    public string Id { get; }

    /// <summary>The currency purchases must be in.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>The zone every calendar question is answered in (expiry days, campaign windows, caps, birthdays).</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The first local date the program earns on, or <see langword="null"/>.</summary>
    public LocalDate? StartsOn { get; init; }

    /// <summary>The last local date the program earns on, or <see langword="null"/> when it does not end.</summary>
    public LocalDate? EndsOn { get; init; }

    /// <summary>How fractional points are rounded (once per line); must be set.</summary>
    public PointsRounding Rounding { get; init; }

    /// <summary>What a clawback does when the points were already spent; must be set.</summary>
    public DebtPolicy DebtPolicy { get; init; }

    /// <summary>Which part of a purchase earns (the order of operations).</summary>
    public EarningBasis Basis { get; init; } = new();

    /// <summary>Points per currency unit.</summary>
    public IReadOnlyList<SpendRule> SpendRules { get; init; } = [];

    /// <summary>Points per event.</summary>
    public IReadOnlyList<EventRule> EventRules { get; init; } = [];

    /// <summary>Multipliers by category or campaign window.</summary>
    public IReadOnlyList<PointsMultiplier> Multipliers { get; init; } = [];

    /// <summary>The reward catalog.</summary>
    public IReadOnlyList<Rewards.Reward> Rewards { get; init; } = [];

    /// <summary>Caps per day, week, month or membership.</summary>
    public IReadOnlyList<EarningCap> Caps { get; init; } = [];

    /// <summary>Months after the local earning date at whose end (midnight of the next day, in <see cref="TimeZone"/>) earned points expire; <see langword="null"/> when they never expire.</summary>
    public int? ExpiryMonths { get; init; }

    /// <summary>How long earned points stay pending (for example the return window) before an activation can make them available; zero for at once.</summary>
    public Duration HoldPeriod { get; init; } = Duration.Zero;

    /// <summary>Months of validity of the new lot that a reversed redemption credits for points whose original lot has expired.</summary>
    public int RestoredPointsExpiryMonths { get; init; } = 1;

    /// <summary>The tiers, lowest first (thresholds rising strictly); empty for a program without tiers.</summary>
    public IReadOnlyList<LoyaltyTier> Tiers { get; init; } = [];

    /// <summary>What tiers are measured on; must be set when there are tiers.</summary>
    public TierQualification TierQualification { get; init; }

    /// <summary>The window tiers are qualified in; must be set when there are tiers.</summary>
    public TierWindow? TierWindow { get; init; }

    /// <summary>Every rule the program breaks, each naming the field; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (Currency.IsEmpty)
        {
            failures.Add("LoyaltyProgram.Currency must be set.");
        }

        if (Rounding is PointsRounding.Unset || !Enum.IsDefined(Rounding))
        {
            failures.Add("LoyaltyProgram.Rounding must be set explicitly (Down, Up, HalfUp or HalfEven).");
        }

        if (DebtPolicy is DebtPolicy.Unset || !Enum.IsDefined(DebtPolicy))
        {
            failures.Add("LoyaltyProgram.DebtPolicy must be set explicitly (AllowNegativeBalance, ClampAtZero or Refuse).");
        }

        if (StartsOn is { } start && EndsOn is { } end && end < start)
        {
            failures.Add($"LoyaltyProgram.EndsOn ({end:uuuu-MM-dd}) must not be before StartsOn ({start:uuuu-MM-dd}).");
        }

        if (ExpiryMonths is < 1)
        {
            failures.Add($"LoyaltyProgram.ExpiryMonths must be at least 1, or null for points that never expire (was {ExpiryMonths}).");
        }

        if (RestoredPointsExpiryMonths < 1)
        {
            failures.Add($"LoyaltyProgram.RestoredPointsExpiryMonths must be at least 1 (was {RestoredPointsExpiryMonths}).");
        }

        if (HoldPeriod < Duration.Zero)
        {
            failures.Add($"LoyaltyProgram.HoldPeriod must not be negative (was {HoldPeriod}).");
        }

        if (Basis is null || Basis.EarningTenders is null)
        {
            failures.Add("LoyaltyProgram.Basis and its EarningTenders must not be null.");
        }

        ValidateRules(failures);
        ValidateTiers(failures);
        ValidatePointValue(failures);
        ValidateBadges(failures);
        return failures;
    }

    /// <summary>Throws when the program breaks a rule.</summary>
    /// <exception cref="LoyaltyProgramException">The program is invalid; the message lists every broken rule.</exception>
    public void ThrowIfInvalid()
    {
        var failures = Validate();
        if (failures.Count > 0)
        {
            throw new LoyaltyProgramException(Id, failures);
        }
    }

    /// <summary>Whether the program earns on <paramref name="date"/>.</summary>
    public bool IsActiveOn(LocalDate date) => (StartsOn is not { } s || date >= s) && (EndsOn is not { } e || date <= e);

    /// <summary>When points credited at <paramref name="creditedAt"/> expire under a validity of <paramref name="months"/>: the end of the local day <paramref name="months"/> months later.</summary>
    internal Instant? ExpiryOf(Instant creditedAt, int? months)
        => months is { } m ? TimeZone.AtStartOfDay(creditedAt.InZone(TimeZone).Date.PlusMonths(m).PlusDays(1)).ToInstant() : null;

    private void ValidateRules(List<string> failures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in SpendRules ?? [])
        {
            if (rule is null)
            {
                failures.Add("LoyaltyProgram.SpendRules must not hold null.");
                continue;
            }

            CheckId(failures, ids, rule.Id);
            if (rule.PointsPerUnit <= 0)
            {
                failures.Add($"Spend rule '{rule.Id}': PointsPerUnit must be positive (was {rule.PointsPerUnit}).");
            }
        }

        foreach (var rule in EventRules ?? [])
        {
            if (rule is null)
            {
                failures.Add("LoyaltyProgram.EventRules must not hold null.");
                continue;
            }

            CheckId(failures, ids, rule.Id);
            if (rule.Points <= 0)
            {
                failures.Add($"Event rule '{rule.Id}': Points must be positive (was {rule.Points}).");
            }
        }

        foreach (var multiplier in Multipliers ?? [])
        {
            if (multiplier is null)
            {
                failures.Add("LoyaltyProgram.Multipliers must not hold null.");
                continue;
            }

            CheckId(failures, ids, multiplier.Id);
            if (multiplier.Factor <= 0)
            {
                failures.Add($"Multiplier '{multiplier.Id}': Factor must be positive (was {multiplier.Factor}).");
            }
        }

        var rewardIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reward in Rewards ?? [])
        {
            if (reward is null || !rewardIds.Add(reward.Id))
            {
                failures.Add($"Every reward must be non-null with its own id ('{reward?.Id}' repeats).");
            }
            else if (reward.PointCost <= 0 || reward.Stock is < 0 || reward.PerMemberLimit is < 1)
            {
                failures.Add($"Reward '{reward.Id}': PointCost must be positive, Stock not negative and PerMemberLimit at least 1 (were {reward.PointCost}, {reward.Stock}, {reward.PerMemberLimit}).");
            }
        }

        foreach (var cap in Caps ?? [])
        {
            if (cap is null || cap.MaxPoints <= 0 || !Enum.IsDefined(cap.Period))
            {
                failures.Add($"Every earning cap needs a defined period and a positive MaxPoints (was {cap?.Period}, {cap?.MaxPoints}).");
            }
        }

        CheckExclusivePriorities(failures, "spend rules", (SpendRules ?? []).Where(r => r?.Stacking == RuleStacking.Exclusive).Select(r => r.Priority));
        CheckExclusivePriorities(failures, "multipliers", (Multipliers ?? []).Where(m => m?.Stacking == RuleStacking.Exclusive).Select(m => m.Priority));
    }

    private void ValidateTiers(List<string> failures)
    {
        if (Tiers is null || Tiers.Count == 0)
        {
            return;
        }

        if (TierQualification is TierQualification.Unset || !Enum.IsDefined(TierQualification))
        {
            failures.Add("LoyaltyProgram.TierQualification must be set explicitly (PointsEarned or MoneySpent) when the program has tiers.");
        }

        if (TierWindow is null)
        {
            failures.Add("LoyaltyProgram.TierWindow must be set when the program has tiers.");
        }
        else if (TierWindow.Failure() is { } failure)
        {
            failures.Add(failure);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        LoyaltyTier? previous = null;
        foreach (var tier in Tiers)
        {
            if (tier is null)
            {
                failures.Add("LoyaltyProgram.Tiers must not hold null.");
                continue;
            }

            if (!ids.Add(tier.Id ?? string.Empty) || tier.Id is null || !IdempotencyKey.TryParse(tier.Id, out _) || tier.Id.Length > 40)
            {
                failures.Add($"Tier id '{tier.Id}' must be unique and 1 to 40 printable ASCII characters without spaces.");
            }

            if (tier.Threshold < 0)
            {
                failures.Add($"Tier '{tier.Id}': Threshold must not be negative (was {tier.Threshold}).");
            }
            else if (previous is not null && tier.Threshold <= previous.Threshold)
            {
                failures.Add($"Tier '{tier.Id}': Threshold ({tier.Threshold}) must be above the threshold of '{previous.Id}' ({previous.Threshold}); tiers are listed lowest first.");
            }

            previous = tier;
        }

        ValidateStoredTiers(failures);
    }

    private static void CheckId(List<string> failures, HashSet<string> ids, string id)
    {
        if (!ids.Add(id))
        {
            failures.Add($"Rule id '{id}' is used twice; every spend rule, event rule and multiplier needs its own id.");
        }
        else if (!IdempotencyKey.TryParse(id, out _) || id.Length > 40)
        {
            failures.Add($"Rule id '{id}' must be 1 to 40 printable ASCII characters without spaces (it becomes part of idempotency keys).");
        }
    }

    private static void CheckExclusivePriorities(List<string> failures, string what, IEnumerable<int> priorities)
    {
        foreach (var clash in priorities.GroupBy(p => p).Where(g => g.Count() > 1))
        {
            failures.Add($"Two exclusive {what} share priority {clash.Key}: precedence would be ambiguous; give them different priorities.");
        }
    }
}
