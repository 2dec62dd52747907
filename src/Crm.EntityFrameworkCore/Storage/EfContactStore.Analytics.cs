using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Storage;

public sealed partial class EfContactStore<TContext> : IReferralAnalyticsStore
{
    // The depth of every referee below the roots, the deepest (ties: smallest id), and its chain up to the root: one query.
    private const string LongestChainSql = """
        WITH RECURSIVE depths(node, depth) AS (
            SELECT r.referee_id, 1 FROM crm_referrals r
            WHERE r.tenant_id = {0}
              AND NOT EXISTS (SELECT 1 FROM crm_referrals p WHERE p.tenant_id = {0} AND p.referee_id = r.referrer_id)
            UNION ALL
            SELECT r.referee_id, d.depth + 1 FROM depths d JOIN crm_referrals r ON r.tenant_id = {0} AND r.referrer_id = d.node
            WHERE d.depth < {1}
        ),
        deepest(node) AS (SELECT node FROM depths ORDER BY depth DESC, node LIMIT 1),
        chain(sequence, referrer_id, depth) AS (
            SELECT r.sequence, r.referrer_id, 0 FROM deepest x JOIN crm_referrals r ON r.tenant_id = {0} AND r.referee_id = x.node
            UNION ALL
            SELECT r.sequence, r.referrer_id, c.depth + 1 FROM chain c JOIN crm_referrals r ON r.tenant_id = {0} AND r.referee_id = c.referrer_id
            WHERE c.depth < {1}
        )
        SELECT r.* FROM chain c JOIN crm_referrals r ON r.sequence = c.sequence ORDER BY c.depth DESC
        """;

    private const string RequestStatsSql = """
        SELECT COUNT(*) AS "Asked",
               COALESCE(SUM(CASE WHEN q.outcome = 'Accepted' THEN 1 ELSE 0 END), 0) AS "Accepted",
               COALESCE(SUM(CASE WHEN q.outcome = 'Declined' THEN 1 ELSE 0 END), 0) AS "Declined",
               COALESCE(SUM(CASE WHEN q.outcome = 'NoAnswer' THEN 1 ELSE 0 END), 0) AS "NoAnswer",
               COALESCE(SUM(CASE WHEN q.outcome = 'Pending' THEN 1 ELSE 0 END), 0) AS "Pending",
               (SELECT COUNT(*) FROM crm_referrals r
                JOIN crm_referral_requests f ON f.tenant_id = r.tenant_id AND f.id = r.request_id
                WHERE r.tenant_id = {0} AND r.referrer_id = {1} AND f.contact_id = {1}) AS "Followed"
        FROM crm_referral_requests q
        WHERE q.tenant_id = {0} AND q.contact_id = {1}
        """;

    /// <inheritdoc />
    /// <remarks>One recursive query: the depth of every referee, the deepest (ties: the smallest id), and its chain.</remarks>
    public async ValueTask<ReferralChain?> GetLongestChainAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var edges = await scope.Db.Set<ReferralRow>().FromSqlRaw(LongestChainSql, tenantId.Value, MaxWalk)
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        if (edges.Count == 0)
        {
            return null;
        }

        // Root first: the last edge read names the root as its referrer.
        var members = new List<ContactId>(edges.Count + 1) { edges[0].ReferrerId };
        members.AddRange(edges.Select(e => e.RefereeId));
        return new ReferralChain(members);
    }

    /// <inheritdoc />
    /// <remarks>One <c>GROUP BY referrer ORDER BY count DESC, referrer</c> query over the interval's referrals.</remarks>
    public async ValueTask<IReadOnlyList<TopReferrer>> GetTopReferrersAsync(TenantId tenantId, Interval interval, int top, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var query = scope.Db.Set<ReferralRow>().AsNoTracking().Where(r => r.TenantId == tenantId);
        query = Within(query, interval);

        var rows = await query.GroupBy(r => r.ReferrerId)
            .Select(g => new { Referrer = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Referrer)
            .Take(top)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(x => new TopReferrer(x.Referrer, x.Count))];
    }

    /// <inheritdoc />
    /// <remarks>One query: the outcomes counted over the contact's requests, and the referrals that name one of them.</remarks>
    public async ValueTask<ReferralRequestStats> GetReferralRequestStatsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var row = (await scope.Db.Database.SqlQueryRaw<RequestStatsRow>(RequestStatsSql, tenantId.Value, contactId.Value)
            .ToListAsync(cancellationToken).ConfigureAwait(false))[0];
        return new ReferralRequestStats(
            (int)row.Asked, (int)row.Accepted, (int)row.Declined, (int)row.NoAnswer, (int)row.Pending, (int)row.Followed);
    }

    /// <inheritdoc />
    /// <remarks>One query (<c>WHERE referrer_id IN (…)</c>, in chunks of 500 ids), instead of the default's call per referrer and per referee.</remarks>
    public async ValueTask<IReadOnlyList<Referral>> GetReferralsByReferrersAsync(TenantId tenantId, IReadOnlyCollection<ContactId> referrerIds, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(referrerIds);
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var ordered = referrerIds.Distinct().ToList();
        var rows = new List<ReferralRow>();
        foreach (var chunk in ordered.Chunk(500))
        {
            rows.AddRange(await scope.Db.Set<ReferralRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && chunk.Contains(r.ReferrerId))
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        var byReferrer = rows.ToLookup(r => r.ReferrerId);
        return [.. ordered.SelectMany(id => byReferrer[id].OrderBy(r => r.Sequence)).Select(ReferralRows.FromRow)];
    }

    /// <summary>The single row of <see cref="RequestStatsSql"/>.</summary>
    internal sealed class RequestStatsRow
    {
        public long Asked { get; set; }

        public long Accepted { get; set; }

        public long Declined { get; set; }

        public long NoAnswer { get; set; }

        public long Pending { get; set; }

        public long Followed { get; set; }
    }
}
