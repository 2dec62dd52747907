using Crm.Loyalty.Tiers;
using NodaTime;

namespace Crm.Loyalty.Program;

public sealed partial record LoyaltyProgram
{
    /// <summary>How a tier review moves a member down; must be set when there are tiers (<see cref="LoyaltyManager.EvaluateTierAsync"/>).</summary>
    public TierDowngradePolicy TierDowngrade { get; init; }

    /// <summary>How long after a calendar or membership period ends its review waits, activity in that time still counting for the period; for a rolling window, how much further back a review looks. <see langword="null"/> for none.</summary>
    /// <remarks>Days, weeks, months or years only (the windows are local dates), not negative.</remarks>
    public Period? TierGracePeriod { get; init; }

    /// <summary>What one point costs the program when redeemed, in <see cref="Currency"/> (for example 0.01 for a cent a point), or <see langword="null"/> when the program does not price points; used by the most-profitable ranking.</summary>
    public decimal? PointValue { get; init; }

    /// <summary>The position of a tier: 0 for none, 1 for the lowest.</summary>
    internal int RankOf(string? tierId)
    {
        if (tierId is null)
        {
            return 0;
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            if (string.Equals(Tiers[i].Id, tierId, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"The stored tier '{tierId}' is not a tier of the loyalty program '{Id}'; a program must keep the ids of the tiers members hold.");
    }

    /// <summary>The tier at a rank (0 for none).</summary>
    internal LoyaltyTier? TierAt(int rank) => rank == 0 ? null : Tiers[rank - 1];

    /// <summary>The rank the qualifying total reaches.</summary>
    internal int RankReached(decimal qualifying) => Tiers.Count(t => t.Threshold <= qualifying);

    private void ValidatePointValue(List<string> failures)
    {
        if (PointValue is { } value && (value <= 0 || decimal.Round(value, 8) != value))
        {
            failures.Add($"LoyaltyProgram.PointValue must be positive with at most 8 decimal places, or null when points are not priced (was {PointValue}).");
        }
    }

    private void ValidateStoredTiers(List<string> failures)
    {
        if (TierDowngrade is TierDowngradePolicy.Unset || !Enum.IsDefined(TierDowngrade))
        {
            failures.Add("LoyaltyProgram.TierDowngrade must be set explicitly (OneStepDown or ToQualifiedTier) when the program has tiers.");
        }

        if (TierGracePeriod is { } grace)
        {
            var normal = grace.Normalize();
            if (normal.HasTimeComponent || normal.Years < 0 || normal.Months < 0 || normal.Days < 0)
            {
                failures.Add($"LoyaltyProgram.TierGracePeriod must be a non-negative number of days, weeks, months or years (was {grace}).");
            }
        }

        foreach (var tier in Tiers)
        {
            if (tier is not null && tier.EarningMultiplier <= 0)
            {
                failures.Add($"Tier '{tier.Id}': EarningMultiplier must be positive (was {tier.EarningMultiplier}).");
            }
        }
    }
}
