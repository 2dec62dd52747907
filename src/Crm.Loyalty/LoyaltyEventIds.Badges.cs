namespace Crm.Loyalty;

public static partial class LoyaltyEventIds
{
    /// <summary>A member was awarded a badge by a badge evaluation (Information). Badges use 3300–3319.</summary>
    public const int BadgeAwarded = 3300;
}
