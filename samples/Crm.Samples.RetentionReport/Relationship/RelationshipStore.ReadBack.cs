using Crm.EntityFrameworkCore;
using Crm.Interactions.Feedback;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Loyalty;
using Crm.Loyalty.Statements;
using Crm.Loyalty.Tiers;
using Crm.Samples.RetentionReport.Analysis;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Samples.RetentionReport.Relationship;

internal sealed partial class RelationshipStore
{
    private const string DetractorAlertType = "crm.interactions.detractor_alert";
    private const string SlaBreachedType = "crm.interactions.sla_breached";

    /// <summary>
    /// Runs the club's expiry, reads back the cases, NPS answers, members' tiers and statements and the events the managers
    /// raised, and computes the report's figures from them with Crm.Metrics.
    /// </summary>
    /// <param name="end">The end of observation (the start of the day after the last day observed).</param>
    /// <param name="zone">The zone NPS answers are dated in for the quarters.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    public async Task<RelationshipFigures> ReadFiguresAsync(Instant end, DateTimeZone zone, CancellationToken cancellationToken)
    {
        var members = await CloseClubYearAsync(end, cancellationToken);
        var (cases, feedback) = await ReadInteractionsAsync(cancellationToken);
        return new RelationshipFigures(
            new NpsFigures(RelationshipCalculator.NpsByQuarter(feedback, zone), await CountDetractorAlertsAsync(cancellationToken)),
            RelationshipCalculator.Service(cases, DemoPrograms.Calendar, end),
            await CountSlaBreachEventsAsync(cancellationToken),
            RelationshipCalculator.Loyalty(members, DemoPrograms.Club.Tiers),
            await ReadReferralRewardsAsync(cancellationToken));
    }

    /// <summary>
    /// The referral rewards as the loyalty store holds them: referral records, rejected claims, and the reward entries,
    /// whose idempotency keys are <c>referral:&lt;referee&gt;:&lt;depth&gt;</c> (depth 0 the referee, 1 the referrer; docs/loyalty.md).
    /// </summary>
    public async Task<ReferralRewardFigures> ReadReferralRewardsAsync(CancellationToken cancellationToken)
    {
        await using var scope = await OpenScopeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database;
        var tenant = _tenant.Value;
        var attributed = await db.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM crm_loyalty_referrals WHERE tenant_id = {tenant}").SingleAsync(cancellationToken);
        var rejected = await db.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM crm_loyalty_referral_rejections WHERE tenant_id = {tenant}").SingleAsync(cancellationToken);
        var paid = await db.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM crm_loyalty_entries WHERE tenant_id = {tenant} AND idempotency_key LIKE 'referral:%:0'").SingleAsync(cancellationToken);
        var rewards = await db.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM crm_loyalty_entries WHERE tenant_id = {tenant} AND idempotency_key LIKE 'referral:%'").SingleAsync(cancellationToken);
        var points = await db.SqlQuery<long>($"SELECT coalesce(sum(points), 0) AS \"Value\" FROM crm_loyalty_entries WHERE tenant_id = {tenant} AND idempotency_key LIKE 'referral:%'").SingleAsync(cancellationToken);
        return new ReferralRewardFigures(attributed, rejected, paid, rewards, points);
    }

    /// <summary>Every support case and every feedback answer of the tenant, read back from the interaction store.</summary>
    /// <remarks>
    /// <see cref="IInteractionStore"/> lists cases and feedback per contact only, so the database is asked which contacts
    /// have any (one <c>SELECT DISTINCT</c> each) and the store is asked for theirs, page by page.
    /// </remarks>
    public async Task<(IReadOnlyList<SupportCase> Cases, IReadOnlyList<FeedbackResponse> Feedback)> ReadInteractionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = await OpenScopeAsync(cancellationToken);
        var store = scope.ServiceProvider.GetRequiredService<IInteractionStore>();
        var cases = new List<SupportCase>();
        foreach (var contact in await ContactsWithAsync(scope.ServiceProvider, "crm_cases", cancellationToken))
        {
            await ReadAllAsync(page => store.ListCasesByContactAsync(_tenant, contact, page, cancellationToken), cases);
        }

        var feedback = new List<FeedbackResponse>();
        foreach (var contact in await ContactsWithAsync(scope.ServiceProvider, "crm_feedback", cancellationToken))
        {
            await ReadAllAsync(page => store.ListFeedbackByContactAsync(_tenant, contact, page, cancellationToken), feedback);
        }

        return (cases, feedback);
    }

    /// <summary>How many events of the tenant of <paramref name="typeName"/> the managers wrote into the outbox.</summary>
    public async Task<long> CountEventsAsync(string typeName, CancellationToken cancellationToken)
    {
        await using var scope = await OpenScopeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.Database
            .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM crm_outbox WHERE tenant_id = {_tenant.Value} AND type_name = {typeName}")
            .SingleAsync(cancellationToken);
    }

    /// <summary>Detractor alerts the feedback manager raised (DetractorAlert events waiting in the outbox for the host's handlers).</summary>
    public Task<long> CountDetractorAlertsAsync(CancellationToken cancellationToken) => CountEventsAsync(DetractorAlertType, cancellationToken);

    /// <summary>SLA breaches <c>CheckSlaAsync</c> raised (SlaBreached events in the outbox).</summary>
    public Task<long> CountSlaBreachEventsAsync(CancellationToken cancellationToken) => CountEventsAsync(SlaBreachedType, cancellationToken);

    /// <summary>
    /// Runs the club's expiry for every member on the last day observed (an explicit, idempotent command, as of the last
    /// second before <paramref name="asOf"/>, so its entries fall inside the statement), then reads each member's tier as of
    /// <paramref name="asOf"/> and statement from the club's start to <paramref name="asOf"/> (exclusive).
    /// </summary>
    public async Task<IReadOnlyList<(TierStatus Tier, PointsStatement Statement)>> CloseClubYearAsync(Instant asOf, CancellationToken cancellationToken)
    {
        var expiry = asOf - Duration.FromSeconds(1);
        _clock.AdvanceTo(expiry);
        var from = DemoPrograms.ClubStart.AtStartOfDayInZone(DemoPrograms.Club.TimeZone).ToInstant();
        IReadOnlyList<ContactId> members;
        await using (var scope = await OpenScopeAsync(cancellationToken))
        {
            members = await ContactsWithAsync(scope.ServiceProvider, "crm_loyalty_entries", cancellationToken);
        }

        await ForEachMemberAsync(members, (loyalty, member) => loyalty.ExpireAsync(_tenant, member, expiry, cancellationToken), cancellationToken);
        _clock.AdvanceTo(asOf);
        var result = new List<(TierStatus, PointsStatement)>(members.Count);
        await ForEachMemberAsync(members, async (loyalty, member) =>
        {
            var tier = await loyalty.GetTierAsync(_tenant, member, asOf, cancellationToken);
            var statement = await loyalty.GetStatementAsync(_tenant, member, from, asOf, Duration.FromDays(30), cancellationToken);
            result.Add((tier, statement));
        }, cancellationToken);
        return result;
    }

    // One scope (one DbContext) per so many members keeps EF's change tracker small.
    private async Task ForEachMemberAsync(IReadOnlyList<ContactId> members, Func<LoyaltyManager, ContactId, Task> run, CancellationToken cancellationToken)
    {
        for (var start = 0; start < members.Count; start += StepsPerScope)
        {
            await using var scope = await OpenScopeAsync(cancellationToken);
            var loyalty = scope.ServiceProvider.GetRequiredService<LoyaltyManager>();
            foreach (var member in members.Skip(start).Take(StepsPerScope))
            {
                await run(loyalty, member);
            }
        }
    }

    private async Task<IReadOnlyList<ContactId>> ContactsWithAsync(IServiceProvider services, string table, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CrmDbContext>();
#pragma warning disable EF1002 // the table name is one of three constants of this class, never input
        var ids = await db.Database
            .SqlQueryRaw<Guid>($"SELECT DISTINCT contact_id AS \"Value\" FROM {table} WHERE tenant_id = {{0}} ORDER BY contact_id", _tenant.Value)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return [.. ids.Select(id => new ContactId(id))];
    }

    private static async Task ReadAllAsync<T>(Func<PageRequest, ValueTask<Page<T>>> read, List<T> into)
    {
        var page = PageRequest.First(PageRequest.MaxPageSize);
        while (true)
        {
            var result = await read(page);
            into.AddRange(result.Items);
            if (result.NextCursor is not { } next)
            {
                return;
            }

            page = PageRequest.After(next, page.Size);
        }
    }
}
