using System.Runtime.CompilerServices;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using NodaTime;

namespace Crm.Contacts.InMemory;

/// <summary>The referral-graph reads of the in-memory store: each walks the tenant's index iteratively under its lock.</summary>
public sealed partial class InMemoryContactStore : IReferralStore
{
    /// <inheritdoc />
    public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken)
        => Read(tenantId, 0, static (partition, _) => partition.GraphVersion, 0L, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
        => Read(tenantId, refereeId, static (partition, id) => partition.ReferralByReferee.GetValueOrDefault(id), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read(tenantId, contactId, Chain, new ReferralChainSnapshot([], 0), cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<DownlineEntry> GetDownlineAsync(
        TenantId tenantId, ContactId rootId, int maxDepth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        cancellationToken.ThrowIfCancellationRequested();
        var partition = Find(tenantId);
        if (partition is null)
        {
            yield break;
        }

        List<DownlineEntry> entries;
        lock (partition.Gate)
        {
            entries = Downline(partition, rootId, maxDepth);
        }

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken)
        => Read<ContactId, IReadOnlyList<ContactId>>(
            tenantId, referrerId, static (partition, id) => partition.RefereesByReferrer.TryGetValue(id, out var referees) ? [.. referees] : [], [], cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Referral>> GetReferralsByReferrersAsync(TenantId tenantId, IReadOnlyCollection<ContactId> referrerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referrerIds);
        return Read<IReadOnlyCollection<ContactId>, IReadOnlyList<Referral>>(
            tenantId,
            referrerIds,
            static (partition, ids) => [.. ids.Distinct().SelectMany(id => partition.RefereesByReferrer.TryGetValue(id, out var referees) ? referees : []).Select(r => partition.ReferralByReferee[r])],
            [],
            cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken)
        => Referrals(tenantId, static _ => true, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken)
        => Referrals(tenantId, r => interval.Contains(r.ReferredAt), cancellationToken);

    /// <inheritdoc />
    public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken)
        => Read(tenantId, requestId, static (partition, id) => partition.Requests.GetValueOrDefault(id), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read<ContactId, IReadOnlyList<ReferralRequest>>(
            tenantId,
            contactId,
            static (partition, id) => partition.RequestsByContact.TryGetValue(id, out var ids)
                ? [.. ids.Select(r => partition.Requests[r]).OrderBy(r => r.AskedAt).ThenBy(r => r.Id)]
                : [],
            [],
            cancellationToken);

    private static ReferralChainSnapshot Chain(TenantPartition partition, ContactId contactId)
    {
        var chain = new List<Referral>();
        var current = contactId;
        while (partition.ReferralByReferee.TryGetValue(current, out var referral))
        {
            chain.Add(referral);
            current = referral.ReferrerId;
            if (chain.Count > partition.ReferralByReferee.Count)
            {
                throw new InvalidOperationException("Store invariant: the referral graph has a cycle.");
            }
        }

        return new ReferralChainSnapshot(chain, partition.GraphVersion);
    }

    private static List<DownlineEntry> Downline(TenantPartition partition, ContactId rootId, int maxDepth)
    {
        // Breadth-first with an explicit queue: no recursion, however deep the chain.
        var entries = new List<DownlineEntry>();
        var frontier = new Queue<(ContactId Id, int Depth)>();
        frontier.Enqueue((rootId, 0));
        while (frontier.TryDequeue(out var node))
        {
            if (node.Depth == maxDepth || !partition.RefereesByReferrer.TryGetValue(node.Id, out var referees))
            {
                continue;
            }

            foreach (var referee in referees)
            {
                entries.Add(new DownlineEntry(referee, node.Id, node.Depth + 1));
                frontier.Enqueue((referee, node.Depth + 1));
            }

            if (entries.Count > partition.ReferralByReferee.Count)
            {
                throw new InvalidOperationException("Store invariant: the referral graph has a cycle.");
            }
        }

        return entries;
    }

    private async IAsyncEnumerable<Referral> Referrals(
        TenantId tenantId, Func<Referral, bool> predicate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var partition = Find(tenantId);
        if (partition is null)
        {
            yield break;
        }

        Referral[] snapshot;
        lock (partition.Gate)
        {
            snapshot = [.. partition.ReferralByReferee.Values.Where(predicate)];
        }

        foreach (var referral in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return referral;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
