using Crm.Loyalty.Badges;
using Crm.Loyalty.Storage;

namespace Crm.Loyalty.InMemory;

public sealed partial class InMemoryLoyaltyStore : ILoyaltyBadgeStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AwardedBadge>> ListBadgesAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        ContactId.ThrowIfEmpty(contactId);
        return Read<ContactId, IReadOnlyList<AwardedBadge>>(tenantId, contactId, static (p, id) => p.BadgesByMember.TryGetValue(id, out var list) ? list.ToList() : [], [], cancellationToken);
    }
}
