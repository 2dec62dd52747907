using Crm.Loyalty.Badges;
using Crm.Storage;

namespace Crm.Loyalty.Storage;

/// <summary>The optional capability of a loyalty store to keep the badges awarded to members; required by a program with badges.</summary>
/// <remarks>
/// <para><see cref="ILoyaltyStore.SaveAsync"/> of such a store also appends <see cref="LoyaltyChangeSet.Badges"/> in the
/// same atomic save, after checking (under the same lock or transaction) that no badge of the member already has the key
/// and that no key repeats in the set (entity <c>badge</c>, <see cref="ConcurrencyConflictException"/>), and that every
/// badge is of the change set's tenant and of one member (<see cref="ArgumentException"/>).</para>
/// </remarks>
public interface ILoyaltyBadgeStore
{
    /// <summary>The badges awarded to the member, in the order they were awarded (a member holds a handful, so no paging).</summary>
    ValueTask<IReadOnlyList<AwardedBadge>> ListBadgesAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);
}
