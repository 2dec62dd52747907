using Crm.Loyalty.Ledger;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty.Storage;

/// <summary>The required store of the loyalty package: reads the append-only ledger and applies change sets atomically. It holds no rules; <see cref="LoyaltyManager"/> decides.</summary>
/// <remarks>Every method is scoped to one tenant: a store never returns or changes another tenant's data. Reading named
/// version counters (<see cref="IVersionCounterStore"/>) is required: a reward's stock guard is one.</remarks>
public interface ILoyaltyStore : IVersionCounterStore
{
    /// <summary>The member's open lots, outstanding debts and balance version, read consistently (one lock or one snapshot).</summary>
    ValueTask<LoyaltyAccount> GetAccountAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>The entry recorded with idempotency key <paramref name="key"/>, or <see langword="null"/>.</summary>
    ValueTask<LedgerEntry?> FindEntryByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken);

    /// <summary>The entry with id <paramref name="entryId"/>, or <see langword="null"/>.</summary>
    ValueTask<LedgerEntry?> FindEntryAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken);

    /// <summary>The entries that reverse <paramref name="entryId"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListReversalsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken);

    /// <summary>The allocations made by entry <paramref name="entryId"/>, in the order written.</summary>
    ValueTask<IReadOnlyList<LotAllocation>> ListAllocationsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken);

    /// <summary>Every lot of the member with what is left of it, in credit order.</summary>
    ValueTask<IReadOnlyList<LotBalance>> ListLotsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>One page of the member's entries in the order they were appended (keyset paging).</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<LedgerEntry>> ListEntriesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The points the member's earning entries recorded in [<paramref name="from"/>, <paramref name="to"/>) — what earning caps count.</summary>
    ValueTask<long> SumEarnedAsync(TenantId tenantId, ContactId contactId, Instant from, Instant to, CancellationToken cancellationToken);

    /// <summary>How many units of reward <paramref name="rewardId"/> were redeemed and not cancelled, in the tenant or (with <paramref name="contactId"/>) by one member.</summary>
    ValueTask<long> CountRewardRedemptionsAsync(TenantId tenantId, string rewardId, ContactId? contactId, CancellationToken cancellationToken);

    /// <summary>The <paramref name="count"/> members of the tenant who earned the most points in [<paramref name="from"/>, <paramref name="to"/>), net of refund clawbacks recorded in the window (reversals that carry a snapshot), most first (ties in a stable order of member ids, which may differ between databases); members with nothing earned are left out.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not between 1 and <see cref="PageRequest.MaxPageSize"/>.</exception>
    ValueTask<IReadOnlyList<Members.MemberPoints>> ListTopEarnersAsync(TenantId tenantId, Instant from, Instant to, int count, CancellationToken cancellationToken);

    /// <summary>Applies every change of <paramref name="changes"/> atomically, or none of them.</summary>
    /// <remarks>The checks, all made under the same lock or transaction as the write, are listed on <see cref="LoyaltyChangeSet"/>.</remarks>
    /// <exception cref="ConcurrencyConflictException">Nothing was written: a version counter moved, an idempotency key or id
    /// already exists (entity <c>idempotency key</c>), or a lot would be overdrawn (entity <c>points lot</c>). Retryable: re-read and re-decide.</exception>
    /// <exception cref="ArgumentException">The change set is malformed; nothing was written.</exception>
    ValueTask SaveAsync(TenantId tenantId, LoyaltyChangeSet changes, CancellationToken cancellationToken);
}
