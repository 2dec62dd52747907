namespace Crm.Loyalty.Tiers;

/// <summary>How a tier review moves down a member whose window no longer supports the stored tier; it must be chosen when a program has tiers.</summary>
public enum TierDowngradePolicy
{
    /// <summary>Not chosen; a program with tiers is invalid until it is set.</summary>
    Unset = 0,

    /// <summary>Down one tier per review period, however little the window supports.</summary>
    OneStepDown = 1,

    /// <summary>Down to the tier the window supports (no tier when it supports none).</summary>
    ToQualifiedTier = 2,
}
