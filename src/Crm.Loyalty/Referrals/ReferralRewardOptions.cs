using NodaTime;

namespace Crm.Loyalty.Referrals;

/// <summary>The double-sided referral reward: what the referee and the referrer earn once the referee's first qualifying purchase is past its return window.</summary>
public sealed class ReferralRewardOptions
{
    /// <summary>The deepest chain reward allowed (<see cref="ChainPoints"/> has at most this many minus one entries).</summary>
    public const int MaxChainDepthLimit = 10;

    /// <summary>The smallest purchase amount, in the program's currency, that qualifies (default 0: any purchase).</summary>
    public decimal MinimumPurchase { get; set; }

    /// <summary>The points the referee earns.</summary>
    public long RefereePoints { get; set; }

    /// <summary>The points the referrer earns.</summary>
    public long ReferrerPoints { get; set; }

    /// <summary>Optional rewards further up the Crm.Contacts referral chain: index 0 for the referrer's referrer (depth 2), and so on; the list's length caps the depth.</summary>
    public IReadOnlyList<long> ChainPoints { get; set; } = [];

    /// <summary>The return window after the purchase before the rewards are due; <see langword="null"/> (default) uses the program's <c>HoldPeriod</c>.</summary>
    public Duration? ReturnWindow { get; set; }

    /// <summary>Caps on the rewards paid to one referrer (direct or up the chain) per period; the referee's reward is never capped.</summary>
    public IReadOnlyList<ReferralRewardCap> ReferrerCaps { get; set; } = [];

    /// <summary>Whether the built-in abuse checks run (default <see langword="true"/>): self-referral, cycles, shared e-mail, phone, fingerprint.</summary>
    public bool DefaultAbuseChecks { get; set; } = true;

    /// <summary>The rule failures of these options, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (MinimumPurchase < 0)
        {
            failures.Add($"ReferralRewardOptions.MinimumPurchase must not be negative (was {MinimumPurchase}).");
        }

        if (RefereePoints < 0 || ReferrerPoints < 0 || RefereePoints + ReferrerPoints == 0)
        {
            failures.Add("ReferralRewardOptions.RefereePoints and ReferrerPoints must not be negative, and at least one must be positive.");
        }

        if (ChainPoints is null || ChainPoints.Count > MaxChainDepthLimit - 1 || ChainPoints.Any(p => p <= 0))
        {
            failures.Add($"ReferralRewardOptions.ChainPoints must hold at most {MaxChainDepthLimit - 1} positive values (depth 2 to {MaxChainDepthLimit}).");
        }

        if (ReturnWindow is { } window && window < Duration.Zero)
        {
            failures.Add("ReferralRewardOptions.ReturnWindow must not be negative.");
        }

        if (ReferrerCaps is null || ReferrerCaps.Any(c => c is null) || ReferrerCaps.GroupBy(c => c.Period).Any(g => g.Count() > 1))
        {
            failures.Add("ReferralRewardOptions.ReferrerCaps must not hold a null or two caps of the same period.");
        }

        return failures;
    }
}
