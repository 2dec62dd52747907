using Crm.Contacts.Duplicates;
using Crm.Contacts.InMemory;
using Crm.Contacts.Merging;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>
/// The in-memory store with a hook that runs a concurrent write just before the next save, to inject conflicts; every
/// read and write is forwarded to the wrapped store.
/// </summary>
internal sealed class GraphTrackingStore : IContactStore, IReferralStore, IContactDuplicateIndex, IContactMergeHistory, IForwardsOutbox
{
    private readonly InMemoryContactStore _inner;

    public Crm.InMemory.InMemoryOutbox Outbox => _inner.Outbox;

    public GraphTrackingStore(InMemoryContactStore? inner = null) => _inner = inner ?? new InMemoryContactStore();

    /// <summary>Runs once before the next save is applied (then cleared): a concurrent writer.</summary>
    public Func<Task>? BeforeNextSave { get; set; }

    public int SaveCount { get; private set; }

    public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => _inner.FindByIdAsync(tenantId, contactId, cancellationToken);

    public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        => _inner.ListAsync(tenantId, page, cancellationToken);

    public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
        => _inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

    public async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        if (BeforeNextSave is { } concurrent)
        {
            BeforeNextSave = null;
            await concurrent();
        }

        await _inner.SaveAsync(tenantId, changes, cancellationToken);
        SaveCount++;
    }

    public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => _inner.GetGraphVersionAsync(tenantId, cancellationToken);

    public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken) => _inner.FindReferralAsync(tenantId, refereeId, cancellationToken);

    public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _inner.GetChainAsync(tenantId, contactId, cancellationToken);

    public IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken) => _inner.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken);

    public ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken) => _inner.GetDirectRefereesAsync(tenantId, referrerId, cancellationToken);

    public IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken) => _inner.GetAllReferralsAsync(tenantId, cancellationToken);

    public IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken) => _inner.GetReferralsInIntervalAsync(tenantId, interval, cancellationToken);

    public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken) => _inner.FindReferralRequestAsync(tenantId, requestId, cancellationToken);

    public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _inner.GetReferralRequestsAsync(tenantId, contactId, cancellationToken);

    public ValueTask<IReadOnlyList<DuplicateKeyMatch>> FindByDuplicateKeysAsync(TenantId tenantId, IReadOnlyCollection<DuplicateKey> keys, int limitPerKey, CancellationToken cancellationToken)
        => _inner.FindByDuplicateKeysAsync(tenantId, keys, limitPerKey, cancellationToken);

    public ValueTask<IReadOnlyList<MergeRecord>> GetMergeHistoryAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => _inner.GetMergeHistoryAsync(tenantId, contactId, cancellationToken);
}
