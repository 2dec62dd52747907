namespace Crm.Loyalty;

public static partial class LoyaltyEventIds
{
    /// <summary>A member's stored tier changed: an upgrade with an earning, or a review's downgrade (Information).</summary>
    public const int TierChanged = 3101;
}
