using System.Runtime.CompilerServices;
using Crm.Contacts.InMemory;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using NodaTime;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>
/// The in-memory store plus the <see cref="IReferralStore"/> reads, kept from the change sets it commits. The in-memory
/// store's own referral reads are being written in another branch; privacy tests need the reads now.
/// </summary>
internal sealed class ReferralTrackingStore : IContactStore, IReferralStore
{
    private readonly InMemoryContactStore _inner = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, ContactId), Referral> _byReferee = [];
    private readonly Dictionary<(TenantId, ReferralRequestId), ReferralRequest> _requests = [];
    private readonly Dictionary<TenantId, long> _versions = [];

    public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => _inner.FindByIdAsync(tenantId, contactId, cancellationToken);

    public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        => _inner.ListAsync(tenantId, page, cancellationToken);

    public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
        => _inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

    public async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        await _inner.SaveAsync(tenantId, changes, cancellationToken);
        lock (_gate)
        {
            foreach (var r in changes.ReferralsRemoved)
            {
                _byReferee.Remove((tenantId, r.RefereeId));
            }

            foreach (var r in changes.ReferralsAdded)
            {
                _byReferee.Add((tenantId, r.RefereeId), r);
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
        lock (_gate)
        {
            return ValueTask.FromResult(_versions.GetValueOrDefault(tenantId));
        }
    }

    public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byReferee.GetValueOrDefault((tenantId, refereeId)));
        }
    }

    public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var chain = new List<Referral>();
            var current = contactId;
            while (_byReferee.TryGetValue((tenantId, current), out var edge))
            {
                chain.Add(edge);
                current = edge.ReferrerId;
            }

            return ValueTask.FromResult(new ReferralChainSnapshot(chain, _versions.GetValueOrDefault(tenantId)));
        }
    }

    public async IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        List<DownlineEntry> result = [];
        lock (_gate)
        {
            var frontier = new List<ContactId> { rootId };
            for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
            {
                var next = new List<ContactId>();
                foreach (var referrer in frontier)
                {
                    foreach (var edge in _byReferee.Where(kv => kv.Key.Item1 == tenantId && kv.Value.ReferrerId == referrer).Select(kv => kv.Value))
                    {
                        result.Add(new DownlineEntry(edge.RefereeId, referrer, depth));
                        next.Add(edge.RefereeId);
                    }
                }

                frontier = next;
            }
        }

        foreach (var entry in result)
        {
            yield return entry;
        }
    }

    public async IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        List<Referral> all;
        lock (_gate)
        {
            all = _byReferee.Where(kv => kv.Key.Item1 == tenantId).Select(kv => kv.Value).ToList();
        }

        foreach (var r in all)
        {
            yield return r;
        }
    }

    public async IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, [EnumeratorCancellation] CancellationToken cancellationToken)
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
        lock (_gate)
        {
            return ValueTask.FromResult(_requests.GetValueOrDefault((tenantId, requestId)));
        }
    }

    public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ReferralRequest> list = _requests.Where(kv => kv.Key.Item1 == tenantId && kv.Value.ContactId == contactId)
                .Select(kv => kv.Value).OrderBy(r => r.AskedAt).ToList();
            return ValueTask.FromResult(list);
        }
    }
}
