using System.Runtime.CompilerServices;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Storage;

public sealed partial class EfContactStore<TContext> : IReferralStore
{
    /// <summary>The deepest walk a recursive query makes; only a corrupted graph (a cycle) could reach it.</summary>
    private const int MaxWalk = 10_000_000;

    private const string ChainSql = """
        WITH RECURSIVE chain(sequence, referrer_id, depth) AS (
            SELECT r.sequence, r.referrer_id, 0 FROM crm_referrals r WHERE r.tenant_id = {0} AND r.referee_id = {1}
            UNION ALL
            SELECT r.sequence, r.referrer_id, c.depth + 1
            FROM chain c JOIN crm_referrals r ON r.tenant_id = {0} AND r.referee_id = c.referrer_id
            WHERE c.depth < {2}
        )
        SELECT r.* FROM chain c JOIN crm_referrals r ON r.sequence = c.sequence ORDER BY c.depth
        """;

    private const string DownlineSql = """
        WITH RECURSIVE down(sequence, referee_id, depth) AS (
            SELECT r.sequence, r.referee_id, 1 FROM crm_referrals r WHERE r.tenant_id = {0} AND r.referrer_id = {1}
            UNION ALL
            SELECT r.sequence, r.referee_id, d.depth + 1
            FROM down d JOIN crm_referrals r ON r.tenant_id = {0} AND r.referrer_id = d.referee_id
            WHERE d.depth < {2}
        )
        SELECT r.* FROM down d JOIN crm_referrals r ON r.sequence = d.sequence ORDER BY d.depth, r.sequence
        """;

    private const string AncestorsSql = """
        WITH RECURSIVE up(node) AS (
            SELECT r.referee_id FROM crm_referrals r WHERE r.tenant_id = {0} AND r.sequence >= {1}
            UNION
            SELECT r.referrer_id FROM up JOIN crm_referrals r ON r.tenant_id = {0} AND r.referee_id = up.node
        )
        SELECT r.* FROM up JOIN crm_referrals r ON r.tenant_id = {0} AND r.referee_id = up.node
        """;

    /// <inheritdoc />
    public async ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        return await ReadCounterAsync(scope.Db, tenantId, ChangeSetPlan.ReferralGraphCounter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        var row = await db.Set<ReferralRow>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.TenantId == tenantId && r.RefereeId == refereeId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReferralRows.FromRow(row);
    }

    /// <inheritdoc />
    public async ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        return await ReadConsistentAsync(db, 
            async ct =>
            {
                var rows = await db.Set<ReferralRow>().FromSqlRaw(ChainSql, tenantId.Value, contactId.Value, MaxWalk)
                    .AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
                if (rows.Count >= MaxWalk)
                {
                    throw new InvalidOperationException("Store invariant: the referral graph has a cycle.");
                }

                var version = await ReadCounterAsync(db, tenantId, ChangeSetPlan.ReferralGraphCounter, ct).ConfigureAwait(false);
                return new ReferralChainSnapshot([.. rows.Select(ReferralRows.FromRow)], version);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DownlineEntry> GetDownlineAsync(
        TenantId tenantId, ContactId rootId, int maxDepth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        var rows = await db.Set<ReferralRow>().FromSqlRaw(DownlineSql, tenantId.Value, rootId.Value, maxDepth)
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);

        // Rows come level by level. Breadth-first order also keeps each level grouped by the position of the referrer in
        // the level above, then in recording order, as a queue-based walk would: one query, ordered here in O(n log n).
        var depthOf = new Dictionary<ContactId, int>(rows.Count + 1) { [rootId] = 0 };
        foreach (var row in rows)
        {
            depthOf[row.RefereeId] = depthOf[row.ReferrerId] + 1;
        }

        var indexOf = new Dictionary<ContactId, int>(rows.Count + 1) { [rootId] = 0 };
        var emitted = 0;
        for (var i = 0; i < rows.Count;)
        {
            var depth = depthOf[rows[i].RefereeId];
            var j = i;
            while (j < rows.Count && depthOf[rows[j].RefereeId] == depth)
            {
                j++;
            }

            var level = rows.GetRange(i, j - i).OrderBy(r => indexOf[r.ReferrerId]).ThenBy(r => r.Sequence).ToList();
            foreach (var row in level)
            {
                cancellationToken.ThrowIfCancellationRequested();
                indexOf[row.RefereeId] = ++emitted;
                yield return new DownlineEntry(row.RefereeId, row.ReferrerId, depth);
            }

            i = j;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        return await db.Set<ReferralRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.ReferrerId == referrerId)
            .OrderBy(r => r.Sequence)
            .Select(r => r.RefereeId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        var rows = await db.Set<ReferralRow>().AsNoTracking().Where(r => r.TenantId == tenantId).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReferralRows.FromRow(row);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        var query = db.Set<ReferralRow>().AsNoTracking().Where(r => r.TenantId == tenantId);
        query = Within(query, interval);

        var rows = await query.OrderBy(r => r.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReferralRows.FromRow(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        var row = await db.Set<ReferralRequestRow>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == requestId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReferralRows.FromRow(row);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        var rows = await db.Set<ReferralRequestRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.ContactId == contactId)
            .OrderBy(r => r.AskedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ReferralRows.FromRow)];
    }

    private static async Task<long> ReadCounterAsync(TContext db, TenantId tenantId, string counter, CancellationToken cancellationToken)
        => await db.Set<VersionCounterRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Name == counter)
            .Select(r => (long?)r.Version)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0L;

    /// <summary>A referee of <paramref name="added"/> (already saved in this transaction) that now reaches itself through its referrers, or <see langword="null"/>.</summary>
    private static async Task<ContactId?> FindCycleAsync(TContext db, TenantId tenantId, IReadOnlyList<Referral> added, CancellationToken cancellationToken)
    {
        var firstNew = db.ChangeTracker.Entries<ReferralRow>().Where(e => e.Entity.TenantId == tenantId).Min(e => e.Entity.Sequence);
        var edges = await db.Set<ReferralRow>().FromSqlRaw(AncestorsSql, tenantId.Value, firstNew)
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var referrerOf = new Dictionary<ContactId, ContactId>(edges.Count);
        foreach (var edge in edges)
        {
            referrerOf[edge.RefereeId] = edge.ReferrerId;
        }

        var reachesRoot = new HashSet<ContactId>();
        var path = new HashSet<ContactId>();
        foreach (var referral in added)
        {
            path.Clear();
            ContactId? current = referral.RefereeId;
            while (current is { } node && !reachesRoot.Contains(node))
            {
                if (!path.Add(node))
                {
                    return referral.RefereeId;
                }

                current = referrerOf.TryGetValue(node, out var up) ? up : null;
            }

            reachesRoot.UnionWith(path);
        }

        return null;
    }

    /// <summary>The referrals recorded within <paramref name="interval"/> (start inclusive, end exclusive; an open side is unbounded).</summary>
    private static IQueryable<ReferralRow> Within(IQueryable<ReferralRow> query, Interval interval)
    {
        if (interval.HasStart)
        {
            var start = interval.Start;
            query = query.Where(r => r.ReferredAt >= start);
        }

        if (interval.HasEnd)
        {
            var end = interval.End;
            query = query.Where(r => r.ReferredAt < end);
        }

        return query;
    }
}
