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
internal sealed class GraphTrackingStore : IContactStore, IReferralStore, IContactDuplicateIndex, IContactMergeHistory, IVersionCounterStore, IContactUniqueKeys, IForwardsOutbox
{
    private readonly InMemoryContactStore _inner;

    public Crm.InMemory.InMemoryOutbox Outbox => _inner.Outbox;

    public GraphTrackingStore(InMemoryContactStore? inner = null) => _inner = inner ?? new InMemoryContactStore();

    /// <summary>Runs once before the next save is applied (then cleared): a concurrent writer.</summary>
    public Func<Task>? BeforeNextSave { get; set; }

    public int SaveCount { get; private set; }

    private SavePause? _pause;

    /// <summary>
    /// Holds the next save whose change set matches <paramref name="when"/> just before it reaches the store, until
    /// <see cref="SavePause.Release"/>: the operation has done all its reads, and a test runs another operation to the end
    /// in between — a deterministic interleaving. One-shot: a retry of the held operation is not held again.
    /// </summary>
    public SavePause PauseNextSave(Func<ContactChangeSet, bool> when)
    {
        var pause = new SavePause(when);
        _pause = pause;
        return pause;
    }

    /// <summary>A save held at the store's door.</summary>
    public sealed class SavePause(Func<ContactChangeSet, bool> when)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Func<ContactChangeSet, bool> When { get; } = when;

        /// <summary>Completes when the held operation has reached its save.</summary>
        public Task Reached => _reached.Task;

        /// <summary>Lets the held save go on.</summary>
        public void Release() => _released.TrySetResult();

        internal async Task HoldAsync(CancellationToken cancellationToken)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
    }

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

        if (_pause is { } pause && pause.When(changes))
        {
            _pause = null;
            await pause.HoldAsync(cancellationToken);
        }

        await _inner.SaveAsync(tenantId, changes, cancellationToken);
        SaveCount++;
    }

    public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => _inner.GetGraphVersionAsync(tenantId, cancellationToken);

    /// <summary>How many times each referral read was called (to prove "one store call").</summary>
    public int FindReferralCalls { get; private set; }

    public int ReferralsByReferrersCalls { get; private set; }

    public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
    {
        FindReferralCalls++;
        return _inner.FindReferralAsync(tenantId, refereeId, cancellationToken);
    }

    public ValueTask<IReadOnlyList<Referral>> GetReferralsByReferrersAsync(TenantId tenantId, IReadOnlyCollection<ContactId> referrerIds, CancellationToken cancellationToken)
    {
        ReferralsByReferrersCalls++;
        return _inner.GetReferralsByReferrersAsync(tenantId, referrerIds, cancellationToken);
    }

    public bool EnforcesDuplicateKeyClaims => _inner.EnforcesDuplicateKeyClaims;

    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => _inner.GetVersionAsync(tenantId, counter, cancellationToken);

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
