using Crm.Loyalty.Tiers;
using Crm.Storage;

namespace Crm.Loyalty.Storage;

/// <summary>The optional capability of a loyalty store to keep members' tiers as stored state with an append-only history; required by a program with tiers.</summary>
/// <remarks>
/// <para><see cref="ILoyaltyStore.SaveAsync"/> of such a store also appends <see cref="LoyaltyChangeSet.TierChanges"/> in the
/// same atomic save, after checking (under the same lock or transaction) that no tier change key exists in the tenant or
/// repeats in the set (entity <c>tier change</c>, <see cref="ConcurrencyConflictException"/>), and that every tier change
/// is of the change set's tenant and of one member (<see cref="ArgumentException"/>).</para>
/// </remarks>
public interface ILoyaltyTierStore
{
    /// <summary>The member's stored tier: the latest change of the member's history.</summary>
    ValueTask<MemberTier> GetMemberTierAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>The tier change recorded with idempotency key <paramref name="key"/>, or <see langword="null"/>.</summary>
    ValueTask<TierChange?> FindTierChangeByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken);

    /// <summary>One page of the member's tier history, oldest first (keyset paging).</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<TierChange>> ListTierChangesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One page of the members whose stored tier is <paramref name="tierId"/>, in the order they entered it (keyset paging on the history), one query per page.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<MemberTier>> ListMembersByTierAsync(TenantId tenantId, string tierId, PageRequest page, CancellationToken cancellationToken);
}
