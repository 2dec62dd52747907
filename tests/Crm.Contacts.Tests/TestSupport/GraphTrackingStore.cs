using Crm.Contacts.Duplicates;
using Crm.Contacts.InMemory;
using Crm.Contacts.Merging;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using NodaTime;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>
/// The in-memory store plus the referral reads merges need. When the in-memory store implements <see cref="IReferralStore"/>
/// itself, reads are forwarded to it; until then this decorator keeps its own copy of the edges, applied under one lock
/// right after the inner store committed the same change set (so its graph and version match the store's). It can also
/// run a concurrent write just before a save, to inject conflicts.
/// </summary>
internal sealed class GraphTrackingStore : IContactStore, IReferralStore, IContactDuplicateIndex, IContactMergeHistory
{
    private readonly InMemoryContactStore _inner;
    private readonly IReferralStore? _real;
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, ContactId), Referral> _edges = [];
    private readonly Dictionary<TenantId, long> _versions = [];
    private readonly Dictionary<(TenantId, ReferralRequestId), ReferralRequest> _requests = [];

    public GraphTrackingStore(InMemoryContactStore? inner = null)
    {
        _inner = inner ?? new InMemoryContactStore();
        _real = (object)_inner as IReferralStore;
    }

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

        lock (_gate)
        {
            _inner.SaveAsync(tenantId, changes, cancellationToken).AsTask().GetAwaiter().GetResult();
            SaveCount++;
            foreach (var r in changes.ReferralsRemoved)
            {
                _edges.Remove((tenantId, r.RefereeId));
            }

            foreach (var r in changes.ReferralsAdded)
            {
                _edges.Add((tenantId, r.RefereeId), r);
            }

            if (changes.ReferralsAdded.Count + changes.ReferralsRemoved.Count > 0)
            {
                _versions[tenantId] = _versions.GetValueOrDefault(tenantId) + 1;
            }

            foreach (var r in changes.ReferralRequestsCreated)
            {
                _requests.Add((tenantId, r.Id), r);
            }

            foreach (var u in changes.ReferralRequestsUpdated)
            {
                _requests[(tenantId, u.Request.Id)] = u.Request;
            }
        }
    }

    public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        if (_real is not null)
        {
            return _real.GetGraphVersionAsync(tenantId, cancellationToken);
        }

        lock (_gate)
        {
            return ValueTask.FromResult(_versions.GetValueOrDefault(tenantId));
        }
    }

    public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
    {
        if (_real is not null)
        {
            return _real.FindReferralAsync(tenantId, refereeId, cancellationToken);
        }

        lock (_gate)
        {
            return ValueTask.FromResult(_edges.GetValueOrDefault((tenantId, refereeId)));
        }
    }

    public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        if (_real is not null)
        {
            return _real.GetChainAsync(tenantId, contactId, cancellationToken);
        }

        lock (_gate)
        {
            var chain = new List<Referral>();
            var current = contactId;
            while (_edges.TryGetValue((tenantId, current), out var edge))
            {
                chain.Add(edge);
                current = edge.ReferrerId;
            }

            return ValueTask.FromResult(new ReferralChainSnapshot(chain, _versions.GetValueOrDefault(tenantId)));
        }
    }

    public async IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_real is not null)
        {
            await foreach (var e in _real.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken))
            {
                yield return e;
            }

            yield break;
        }

        List<DownlineEntry> result = [];
        lock (_gate)
        {
            var frontier = new List<ContactId> { rootId };
            for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
            {
                var next = new List<ContactId>();
                foreach (var parent in frontier)
                {
                    foreach (var edge in _edges.Where(e => e.Key.Item1 == tenantId && e.Value.ReferrerId == parent).Select(e => e.Value).OrderBy(e => e.RefereeId))
                    {
                        result.Add(new DownlineEntry(edge.RefereeId, parent, depth));
                        next.Add(edge.RefereeId);
                    }
                }

                frontier = next;
            }
        }

        foreach (var e in result)
        {
            yield return e;
        }
    }

    public async IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_real is not null)
        {
            await foreach (var r in _real.GetAllReferralsAsync(tenantId, cancellationToken))
            {
                yield return r;
            }

            yield break;
        }

        Referral[] all;
        lock (_gate)
        {
            all = _edges.Where(e => e.Key.Item1 == tenantId).Select(e => e.Value).ToArray();
        }

        foreach (var r in all)
        {
            yield return r;
        }
    }

    public async IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in GetAllReferralsAsync(tenantId, cancellationToken))
        {
            if (interval.Contains(r.ReferredAt))
            {
                yield return r;
            }
        }
    }

    public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken)
    {
        if (_real is not null)
        {
            return _real.FindReferralRequestAsync(tenantId, requestId, cancellationToken);
        }

        lock (_gate)
        {
            return ValueTask.FromResult(_requests.GetValueOrDefault((tenantId, requestId)));
        }
    }

    public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        if (_real is not null)
        {
            return _real.GetReferralRequestsAsync(tenantId, contactId, cancellationToken);
        }

        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<ReferralRequest>>(_requests.Where(r => r.Key.Item1 == tenantId && r.Value.ContactId == contactId).Select(r => r.Value).OrderBy(r => r.AskedAt).ToArray());
        }
    }

    public ValueTask<IReadOnlyList<DuplicateKeyMatch>> FindByDuplicateKeysAsync(TenantId tenantId, IReadOnlyCollection<DuplicateKey> keys, int limitPerKey, CancellationToken cancellationToken)
        => _inner.FindByDuplicateKeysAsync(tenantId, keys, limitPerKey, cancellationToken);

    public ValueTask<IReadOnlyList<MergeRecord>> GetMergeHistoryAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => _inner.GetMergeHistoryAsync(tenantId, contactId, cancellationToken);
}
