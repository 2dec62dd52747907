using Crm.EntityFrameworkCore;
using Crm.Events;
using Crm.Interactions;
using Crm.Interactions.Events;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Samples.RetentionReport.Generation;
using Crm.Samples.RetentionReport.Storage;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Samples.RetentionReport.Relationship;

/// <summary>
/// Records the generated base's relationship history in the CRM database through Crm.Interactions (purchases, calls and
/// e-mails, support cases, NPS answers) and runs the loyalty club on Crm.Loyalty, both on their EF Core stores; then reads
/// the facts back for the report.
/// </summary>
/// <remarks>
/// <para>Purchases and calls/e-mails are many (about 14,000 and 3,500) and carry no rule beyond their own validity, so they
/// are written as the managers write them when no idempotency key is given — record, timeline entry and events in one
/// <see cref="InteractionChangeSet"/> — but 1,000 to a change set, one transaction each, instead of one manager call each.
/// (The database is new on every run, so there is no repeat to guard against; <c>EfInteractionStore</c> checks each
/// idempotency key of a change set with its own query, which would double the cost of this import.)</para>
/// <para>Everything with rules — cases and their SLA, NPS answers and detractor alerts, refunds, and every loyalty command —
/// goes through the managers, in time order, with the <see cref="SimulatedClock"/> standing at each step's instant.</para>
/// </remarks>
internal sealed partial class RelationshipStore : IAsyncDisposable
{
    private const int BulkBatch = 1_000;

    private readonly ServiceProvider _provider;
    private readonly SimulatedClock _clock;
    private readonly TenantId _tenant;

    private RelationshipStore(ServiceProvider provider, SimulatedClock clock, TenantId tenant)
    {
        _provider = provider;
        _clock = clock;
        _tenant = tenant;
    }

    /// <summary>Opens the CRM database in <paramref name="file"/>, whose schema <see cref="CustomerBaseStore"/> created, with the clock at <paramref name="start"/>.</summary>
    public static RelationshipStore Open(string file, TenantId tenant, Instant start)
    {
        var clock = new SimulatedClock(start);
        var services = new ServiceCollection();
        services.AddLogging();                                        // no provider: the sample prints its own output
        services.AddSingleton<IClock>(clock);
        services.AddDbContext<CrmDbContext>(o => o.UseSqlite($"Data Source={file}").AddInterceptors(new SqliteTuning()));
        services.AddCrm()
            .AddContacts()
            .AddInteractions(o => o.Support.SlaPolicy = DemoPrograms.Sla)
            .AddLoyalty(o => o.Program = DemoPrograms.Club)
            .AddLoyaltyReferralRewards(DemoPrograms.ReferralRewards)
            .UseEntityFrameworkCore<CrmDbContext>();
        return new RelationshipStore(services.BuildServiceProvider(), clock, tenant);
    }

    /// <summary>Records every purchase on its customer's timeline; returns the purchase ids, by purchase index.</summary>
    public async Task<IReadOnlyList<PurchaseId>> RecordPurchasesAsync(IReadOnlyList<GeneratedPurchase> purchases, IReadOnlyList<ContactId> contacts, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var ids = new PurchaseId[purchases.Count];
        await BulkAsync(purchases.Count, progress, (i, eventIds) =>
        {
            var p = purchases[i];
            var purchase = new Purchase(_tenant, PurchaseId.New(), contacts[p.Customer], p.At, new Money(p.Amount, DemoPrograms.Currency), OrderReference(i), [], [], p.At, ConcurrencyStamp.New());
            ids[i] = purchase.Id;
            var entry = new Interaction(_tenant, InteractionId.New(), purchase.ContactId, InteractionKind.Purchase, InteractionChannel.Web, InteractionDirection.Inbound, p.At, null, null,
                new InteractionLinks { Purchase = purchase.Id, OrderReference = purchase.OrderReference }, p.At, ConcurrencyStamp.New());
            CrmEvent recorded = eventIds.Identify(new PurchaseRecorded(_tenant, p.At, purchase.Id, purchase.ContactId, p.Amount, DemoPrograms.Currency.ToString(), p.At));
            return (purchase, entry, recorded);
        }, cancellationToken);
        return ids;
    }

    /// <summary>Records the calls and e-mails outside support cases on their customers' timelines.</summary>
    public Task RecordTouchesAsync(IReadOnlyList<GeneratedTouch> touches, IReadOnlyList<ContactId> contacts, IProgress<double> progress, CancellationToken cancellationToken)
        => BulkAsync(touches.Count, progress, (i, _) =>
        {
            var t = touches[i];
            var entry = new Interaction(_tenant, InteractionId.New(), contacts[t.Customer], t.Kind, t.Channel, t.Direction, t.At, null, null, InteractionLinks.None, t.At, ConcurrencyStamp.New());
            return ((Purchase?)null, entry, (CrmEvent?)null);
        }, cancellationToken);

    /// <summary>The order reference of the purchase at <paramref name="index"/>: also the loyalty club's source id for it.</summary>
    public static string OrderReference(int index) => $"order-{index + 1}";

    // One change set per batch, as a manager writes one: the records, their timeline entries and their events.
    private async Task BulkAsync(int count, IProgress<double> progress, Func<int, ICrmEventIdGenerator, (Purchase? Purchase, Interaction Entry, CrmEvent? Event)> build, CancellationToken cancellationToken)
    {
        for (var start = 0; start < count; start += BulkBatch)
        {
            await using var scope = await OpenScopeAsync(cancellationToken);
            var store = scope.ServiceProvider.GetRequiredService<IInteractionStore>();
            var eventIds = scope.ServiceProvider.GetRequiredService<ICrmEventIdGenerator>();
            var purchases = new List<Purchase>();
            var entries = new List<Interaction>();
            var events = new List<CrmEvent>();
            for (var i = start; i < Math.Min(count, start + BulkBatch); i++)
            {
                var (purchase, entry, domainEvent) = build(i, eventIds);
                if (purchase is not null)
                {
                    purchases.Add(purchase);
                }

                entries.Add(entry);
                if (domainEvent is not null)
                {
                    events.Add(domainEvent);
                }

                events.Add(eventIds.Identify(new InteractionRecorded(_tenant, entry.RecordedAt, entry.Id, entry.ContactId, entry.Kind, entry.Channel, entry.Direction, entry.OccurredAt)));
            }

            await store.SaveAsync(_tenant, new InteractionChangeSet { PurchasesCreated = purchases, InteractionsRecorded = entries, Events = events }, cancellationToken);
            progress.Report(Math.Min(count, start + BulkBatch) / (double)Math.Max(1, count));
        }
    }

    // A scope whose context keeps its connection open until the scope ends: EF otherwise opens and closes it (and the
    // tuning interceptor sets its pragma) around every query and save.
    private async Task<AsyncServiceScope> OpenScopeAsync(CancellationToken cancellationToken)
    {
        var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.OpenConnectionAsync(cancellationToken);
        return scope;
    }

    /// <summary>Releases the container and its connections.</summary>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
