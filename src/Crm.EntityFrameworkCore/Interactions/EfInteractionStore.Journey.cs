using System.Globalization;
using Crm.Interactions;
using Crm.Interactions.Coverage;
using Crm.Interactions.Journey;
using Crm.Interactions.Storage;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Interactions;

/// <remarks>
/// <para>The journey is two statements: the contact's purchases oldest first (on <c>ix_crm_purchases_contact</c>) until one is
/// not fully refunded, then one row of four scalar subqueries, each the first row of an index range: the timeline index
/// for touchpoints (skipping notes), the partial <c>ix_crm_interactions_activity</c> for engagement, and
/// <c>ix_crm_feedback_contact</c> for promoters.</para>
/// <para>Re-engagement and single-threaded relationships are one <c>GROUP BY contact_id … HAVING … ORDER BY contact_id LIMIT</c>
/// statement each, on the partial covering indexes <c>ix_crm_interactions_activity</c> and <c>ix_crm_interactions_coverage</c>,
/// keyset-paged by contact id: the database streams the groups in index order and stops when the page is full.</para>
/// </remarks>
public sealed partial class EfInteractionStore<TContext> : IJourneyStore, IRelationshipCoverageStore
{
    private const int PurchaseBatch = 16;

    /// <inheritdoc />
    public async ValueTask<JourneyFacts> GetJourneyFactsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var purchaseAt = await FirstPurchaseAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var after = purchaseAt?.ToUnixTimeTicks() ?? long.MaxValue;
#pragma warning disable EF1002, EF1003 // Index names and filters are constants of this assembly; every value is a parameter.
        var rows = await _db.UseAsync(db => db.Database.SqlQueryRaw<JourneyFactsRow>(
            "SELECT "
                + "(SELECT occurred_at FROM crm_interactions WHERE tenant_id = {0} AND contact_id = {1} AND kind <> 'Note' ORDER BY occurred_at LIMIT 1) AS \"FirstTouchpoint\", "
                + $"(SELECT occurred_at FROM crm_interactions{Using(db, "ix_crm_interactions_activity")} WHERE tenant_id = {{0}} AND contact_id = {{1}} AND {CrmModelBuilderExtensions.ActivityFilter} "
                + "ORDER BY occurred_at LIMIT 1) AS \"FirstEngagement\", "
                + "(SELECT occurred_at FROM crm_interactions WHERE tenant_id = {0} AND contact_id = {1} AND kind <> 'Note' AND occurred_at > {2} ORDER BY occurred_at LIMIT 1) AS \"AfterPurchase\", "
                + "(SELECT responded_at FROM crm_feedback WHERE tenant_id = {0} AND contact_id = {1} AND survey = 'Nps' AND score >= 9 AND responded_at > {2} ORDER BY responded_at LIMIT 1) AS \"Promoter\"",
            tenantId.Value, contactId.Value, after).ToListAsync(cancellationToken)).ConfigureAwait(false);
#pragma warning restore EF1002, EF1003
        var row = rows[0];
        return new JourneyFacts(Ticks(row.FirstTouchpoint), Ticks(row.FirstEngagement), purchaseAt, Ticks(row.AfterPurchase), Ticks(row.Promoter));
    }

    /// <inheritdoc />
    public async ValueTask<Page<ReEngagementCandidate>> ListReEngagementCandidatesAsync(TenantId tenantId, ReEngagementQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(query);
        var rows = await GroupByContactAsync(
            "SELECT contact_id AS \"ContactId\", NULL AS \"TeamMember\", COUNT(*) AS \"Count\", MAX(occurred_at) AS \"LastAt\" FROM crm_interactions{using} "
                + $"WHERE tenant_id = {{0}} AND {CrmModelBuilderExtensions.ActivityFilter} AND occurred_at >= {{1}} AND occurred_at < {{2}}",
            "HAVING MAX(occurred_at) < {3} AND COUNT(*) >= {4}",
            "ix_crm_interactions_activity",
            [tenantId.Value, query.LookbackFrom.ToUnixTimeTicks(), query.AsOf.ToUnixTimeTicks(), query.QuietSince.ToUnixTimeTicks(), (long)query.MinimumActivities],
            page,
            cancellationToken).ConfigureAwait(false);
        return ContactPaged(rows, page, static r => new ReEngagementCandidate(new ContactId(r.ContactId), Instant.FromUnixTimeTicks(r.LastAt), checked((int)r.Count)));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TeamMemberCoverage>> GetCoverageAsync(TenantId tenantId, ContactId contactId, CoverageWindow window, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(window);
#pragma warning disable EF1002, EF1003 // Index names and filters are constants of this assembly; every value is a parameter.
        var rows = await _db.UseAsync(db => db.Database.SqlQueryRaw<TeamMemberGroupRow>(
                $"SELECT team_member AS \"TeamMember\", COUNT(*) AS \"Count\", MAX(occurred_at) AS \"LastAt\" FROM crm_interactions{Using(db, "ix_crm_interactions_coverage")} "
                    + $"WHERE tenant_id = {{0}} AND contact_id = {{1}} AND {CrmModelBuilderExtensions.CoverageFilter} AND occurred_at >= {{2}} AND occurred_at < {{3}} GROUP BY team_member",
                tenantId.Value, contactId.Value, window.From.ToUnixTimeTicks(), window.To.ToUnixTimeTicks())
            .ToListAsync(cancellationToken)).ConfigureAwait(false);
#pragma warning restore EF1002, EF1003
        return [.. rows.Select(static r => new TeamMemberCoverage(new TeamMemberId(r.TeamMember), checked((int)r.Count), Instant.FromUnixTimeTicks(r.LastAt)))];
    }

    /// <inheritdoc />
    public async ValueTask<Page<SingleThreadedRelationship>> ListSingleThreadedAsync(TenantId tenantId, CoverageWindow window, int minimumInteractions, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumInteractions, 1);
        var rows = await GroupByContactAsync(
            "SELECT contact_id AS \"ContactId\", MIN(team_member) AS \"TeamMember\", COUNT(*) AS \"Count\", MAX(occurred_at) AS \"LastAt\" FROM crm_interactions{using} "
                + $"WHERE tenant_id = {{0}} AND {CrmModelBuilderExtensions.CoverageFilter} AND occurred_at >= {{1}} AND occurred_at < {{2}}",
            "HAVING MIN(team_member) = MAX(team_member) AND COUNT(*) >= {3}",
            "ix_crm_interactions_coverage",
            [tenantId.Value, window.From.ToUnixTimeTicks(), window.To.ToUnixTimeTicks(), (long)minimumInteractions],
            page,
            cancellationToken).ConfigureAwait(false);
        return ContactPaged(rows, page, static r => new SingleThreadedRelationship(new ContactId(r.ContactId), new TeamMemberId(r.TeamMember!), checked((int)r.Count), Instant.FromUnixTimeTicks(r.LastAt)));
    }

    /// <summary>On SQLite, <c>INDEXED BY</c> the partial index: without <c>ANALYZE</c> statistics its planner takes the timeline index, which holds neither kind nor
    /// direction, and reads the table for every row. PostgreSQL's planner weighs the partial index itself.</summary>
    private static string Using(TContext db, string index) => db.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true ? $" INDEXED BY {index}" : "";

    private static Instant? Ticks(long? ticks) => ticks is { } t ? Instant.FromUnixTimeTicks(t) : null;

    private static Page<T> ContactPaged<T>(List<ContactGroupRow> rows, PageRequest page, Func<ContactGroupRow, T> map)
        => new([.. rows.Take(page.Size).Select(map)], rows.Count > page.Size ? rows[page.Size - 1].ContactId.ToString("N") : null);

    /// <summary>The earliest purchase of the contact that is not fully refunded (a zero amount never is), read oldest first in small batches.</summary>
    private async Task<Instant?> FirstPurchaseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += PurchaseBatch)
        {
            var offset = skip;
            var batch = await _db.UseAsync(db => db.Set<PurchaseRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.ContactId == contactId)
                .OrderBy(static r => r.OccurredAt).ThenBy(static r => r.Id)
                .Skip(offset).Take(PurchaseBatch)
                .Select(static r => new { r.OccurredAt, r.Amount, r.RefundedAmount })
                .ToListAsync(cancellationToken)).ConfigureAwait(false);
            if (batch.FirstOrDefault(static p => p.Amount == 0 || p.RefundedAmount < p.Amount) is { } first)
            {
                return first.OccurredAt;
            }

            if (batch.Count < PurchaseBatch)
            {
                return null;
            }
        }
    }

    /// <summary>Runs a GROUP BY contact_id statement on <paramref name="index"/> (its <c>{using}</c> placeholder): <paramref name="select"/> (SELECT … WHERE, values from {0}), then the keyset condition, the grouping, <paramref name="having"/>, the order and the limit (one more than the page).</summary>
    private async Task<List<ContactGroupRow>> GroupByContactAsync(string select, string having, string index, object[] values, PageRequest page, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var args = new List<object>(values);
        var sql = select;
        if (page.Cursor is not null)
        {
            if (!Guid.TryParseExact(page.Cursor, "N", out var after))
            {
                throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
            }

            sql += string.Create(CultureInfo.InvariantCulture, $" AND contact_id > {{{args.Count}}}");
            args.Add(after);
        }

        sql += string.Create(CultureInfo.InvariantCulture, $" GROUP BY contact_id {having} ORDER BY contact_id LIMIT {{{args.Count}}}");
        args.Add(page.Size + 1);
        object[] parameters = [.. args];
#pragma warning disable EF1002, EF1003 // Column names and filters are constants of this assembly; every value is a parameter.
        return await _db.UseAsync(db => db.Database.SqlQueryRaw<ContactGroupRow>(sql.Replace("{using}", Using(db, index), StringComparison.Ordinal), parameters)
            .ToListAsync(cancellationToken)).ConfigureAwait(false);
#pragma warning restore EF1002, EF1003
    }
}
