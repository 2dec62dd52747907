namespace Crm.Loyalty.Members;

/// <summary>What members are ranked on in a window (<see cref="LoyaltyManager.GetRankedMembersAsync"/>); never the balance.</summary>
public enum MemberRanking
{
    /// <summary>Not chosen; refused.</summary>
    Unset = 0,

    /// <summary><see cref="MemberActivity.PointsEarned"/>: earnings minus refund clawbacks.</summary>
    PointsEarned = 1,

    /// <summary><see cref="MemberActivity.MoneySpent"/>: the net amounts of purchase lines that earned, minus the amounts refunded on them.</summary>
    MoneySpent = 2,

    /// <summary><see cref="MemberActivity.Profit"/>: money spent minus the money value of the points redeemed (net of cancelled redemptions).</summary>
    Profit = 3,
}
