using Crm.Loyalty.Program;

namespace Crm.Loyalty.Referrals;

/// <summary>At most <see cref="MaxRewards"/> referral rewards paid to one referrer (direct or up the chain) per <see cref="Period"/>, in the program's time zone.</summary>
public sealed record ReferralRewardCap
{
    /// <summary>Creates the cap.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRewards"/> is not positive, or the period is not defined.</exception>
    public ReferralRewardCap(CapPeriod period, int maxRewards)
    {
        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The cap period must be Day, Week, Month or Lifetime.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxRewards, 1);
        Period = period;
        MaxRewards = maxRewards;
    }

    /// <summary>The period counted (a local day, ISO week, month, or ever).</summary>
    public CapPeriod Period { get; }

    /// <summary>The most rewards one referrer is paid within a period.</summary>
    public int MaxRewards { get; }
}
