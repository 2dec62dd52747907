namespace Crm.Loyalty.Tiers;

/// <summary>Why a member's stored tier changed.</summary>
public enum TierChangeReason
{
    /// <summary>Not set; never stored.</summary>
    Unset = 0,

    /// <summary>The qualifying total reached a higher tier (at once, in the change set of the earning, or by a review that found a higher tier).</summary>
    Upgrade = 1,

    /// <summary>A tier review (<see cref="LoyaltyManager.EvaluateTierAsync"/>) moved the member down by the program's <see cref="TierDowngradePolicy"/>.</summary>
    Downgrade = 2,
}
