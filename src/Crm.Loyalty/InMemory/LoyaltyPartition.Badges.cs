using Crm.Loyalty.Badges;
using Crm.Loyalty.Storage;
using Crm.Storage;

namespace Crm.Loyalty.InMemory;

internal sealed partial class LoyaltyPartition
{
    /// <summary>The badges of each member, in the order awarded.</summary>
    public Dictionary<ContactId, List<AwardedBadge>> BadgesByMember { get; } = [];

    private void CheckBadges(TenantId tenantId, ContactId? member, LoyaltyChangeSet changes)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var badge in changes.Badges)
        {
            ArgumentNullException.ThrowIfNull(badge, nameof(changes));
            if (badge.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds a badge of another tenant.", nameof(changes));
            }

            if (member is { } m && m != badge.ContactId)
            {
                throw new ArgumentException("A loyalty change set writes the ledger and badges of one member.", nameof(changes));
            }

            member = badge.ContactId;
            if (!keys.Add(badge.Key) || (BadgesByMember.TryGetValue(badge.ContactId, out var held) && held.Exists(b => string.Equals(b.Key, badge.Key, StringComparison.Ordinal))))
            {
                throw new ConcurrencyConflictException("badge", badge.Key);
            }
        }
    }

    private void ApplyBadges(LoyaltyChangeSet changes)
    {
        foreach (var badge in changes.Badges)
        {
            if (!BadgesByMember.TryGetValue(badge.ContactId, out var list))
            {
                BadgesByMember[badge.ContactId] = list = [];
            }

            list.Add(badge);
        }
    }
}
