using Crm.Loyalty.Badges;

namespace Crm.Loyalty.Storage;

public sealed partial class LoyaltyChangeSet
{
    /// <summary>Badges to award, each with a key unique per member; written only by a store that implements <see cref="ILoyaltyBadgeStore"/>.</summary>
    public IReadOnlyList<AwardedBadge> Badges { get; init; } = [];
}
