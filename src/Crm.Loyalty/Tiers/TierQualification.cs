namespace Crm.Loyalty.Tiers;

/// <summary>What a member's tier is measured on; never the current balance, so spending points never costs a tier.</summary>
public enum TierQualification
{
    /// <summary>Not chosen; a program with tiers is invalid until it is set.</summary>
    Unset = 0,

    /// <summary>Points earned in the window (earnings minus the points their refunds took back); redemptions, expiry and adjustments do not count.</summary>
    PointsEarned = 1,

    /// <summary>Money spent in the window: the net amounts of the purchase lines that earned, minus the amounts refunded on them, in the program's currency.</summary>
    MoneySpent = 2,
}
