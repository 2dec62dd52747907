using Crm.Contacts;
using Crm.Contacts.Merging;
using Crm.Contacts.Referrals;
using Crm.Events;
using Crm.Interactions.Purchases;
using Crm.Loyalty.Events;
using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Purchase = Crm.Interactions.Purchases.Purchase;
using Microsoft.Extensions.Options;
using Crm.Loyalty.Referrals;
using Crm.Outbox;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Loyalty.Interactions.Tests;

/// <summary>End to end through the real <see cref="OutboxDispatcher"/>: Crm.Interactions' purchases and refunds, Crm.Contacts' referrals and merges reach the loyalty ledger, and every event delivered twice (a listener after the loyalty one fails the first delivery) pays once.</summary>
public sealed class EventIntegrationTests : IAsyncDisposable
{
    private static readonly TenantId Tenant = new("loyalty-events");
    private static readonly CurrencyCode Eur = new("EUR");

    private readonly FakeClock _clock = CrmTestClock.Create();
    private readonly ServiceProvider _host;

    public EventIntegrationTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IClock>(_clock);
        var program = new LoyaltyProgram("events", Eur, DateTimeZoneProviders.Tzdb["Europe/Paris"])
        {
            Rounding = PointsRounding.Down,
            DebtPolicy = DebtPolicy.AllowNegativeBalance,
            SpendRules = [new SpendRule("base", 1m)],
            ExpiryMonths = 12,
            HoldPeriod = Duration.FromDays(14),
        };
        services.AddCrm(o =>
            {
                o.EnableBackgroundDispatch = false;
                o.RetryBaseDelay = Duration.FromSeconds(1);
                o.RetryMaxDelay = Duration.FromMinutes(1);
            })
            .AddContacts()
            .AddInteractions()
            .AddLoyalty(o => o.Program = program)
            .AddLoyaltyReferralRewards(o =>
            {
                o.MinimumPurchase = 20m;
                o.RefereePoints = 50;
                o.ReferrerPoints = 100;
            })
            .AddLoyaltyInteractions()
            .AddEventListener<CrmEvent, FailFirstDelivery>();
        services.AddSingleton<FailFirstDelivery.Seen>();
        _host = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _host.GetRequiredService<IStartupValidator>().Validate();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_purchase_and_its_refund_delivered_twice_earn_and_claw_back_once()
    {
        var buyer = await NewContactAsync();
        var purchase = await UseAsync<PurchaseManager, Purchase>(m => m.RecordPurchaseAsync(Tenant, new PurchaseDraft { ContactId = buyer, Amount = new Money(80m, Eur) }));
        var first = await DeliverAllAsync();
        await UseAsync<PurchaseManager, Purchase>(m => m.RefundAsync(Tenant, purchase.Id, 20m));
        var second = await DeliverAllAsync();

        first.Retried.Should().BeGreaterThan(0, "every event was delivered a second time");
        second.Retried.Should().BeGreaterThan(0);
        var balance = await UseAsync<LoyaltyManager, PointsBalance>(m => m.GetBalanceAsync(Tenant, buyer));
        balance.Total.Should().Be(80 - 20);
        var entries = await UseAsync<LoyaltyManager, Crm.Storage.Page<LedgerEntry>>(m => m.GetEntriesAsync(Tenant, buyer, new Crm.Storage.PageRequest(50, null)));
        entries.Items.Select(e => e.IdempotencyKey).Should().Equal($"earn:interactions-purchase:{purchase.Id}", $"refund:interactions-purchase:{purchase.Id}:1");
        Store.Outbox.Snapshot().Select(e => e.Event).OfType<PointsEarned>().Should().ContainSingle();
    }

    [Fact]
    public async Task A_referral_and_a_qualifying_purchase_through_events_pay_both_sides_once()
    {
        var (referrer, referee) = (await NewContactAsync(), await NewContactAsync());
        await UseAsync<ReferralManager, Referral>(m => m.RecordReferralAsync(Tenant, referee, referrer));
        await UseAsync<PurchaseManager, Purchase>(m => m.RecordPurchaseAsync(Tenant, new PurchaseDraft { ContactId = referee, Amount = new Money(25m, Eur) }));
        await DeliverAllAsync();
        _clock.Advance(Duration.FromDays(15));

        var settled = await UseAsync<ReferralRewardManager, ReferralSettlement>(m => m.SettleReferralRewardsAsync(Tenant));
        var again = await UseAsync<ReferralRewardManager, ReferralSettlement>(m => m.SettleReferralRewardsAsync(Tenant));
        await DeliverAllAsync();

        settled.Settled.Should().ContainSingle().Which.ReferrerId.Should().Be(referrer);
        again.Settled.Should().BeEmpty();
        (await BalanceAsync(referrer)).Should().Be(100);
        (await BalanceAsync(referee)).Should().Be(25 + 50);
        Store.Outbox.Snapshot().Select(e => e.Event).OfType<ReferralRewardPaid>().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_full_refund_within_the_window_voids_the_referral_reward()
    {
        var (referrer, referee) = (await NewContactAsync(), await NewContactAsync());
        await UseAsync<ReferralManager, Referral>(m => m.RecordReferralAsync(Tenant, referee, referrer));
        var purchase = await UseAsync<PurchaseManager, Purchase>(m => m.RecordPurchaseAsync(Tenant, new PurchaseDraft { ContactId = referee, Amount = new Money(25m, Eur) }));
        await DeliverAllAsync();
        await UseAsync<PurchaseManager, Purchase>(m => m.RefundAsync(Tenant, purchase.Id, 25m));
        await DeliverAllAsync();
        _clock.Advance(Duration.FromDays(15));

        var settled = await UseAsync<ReferralRewardManager, ReferralSettlement>(m => m.SettleReferralRewardsAsync(Tenant));

        settled.Settled.Should().BeEmpty();
        (await UseAsync<ReferralRewardManager, LoyaltyReferral?>(m => m.GetReferralAsync(Tenant, referee)))!.Status.Should().Be(ReferralStatus.Voided);
        (await BalanceAsync(referrer)).Should().Be(0);
        (await BalanceAsync(referee)).Should().Be(0);
    }

    [Fact]
    public async Task A_merge_delivered_twice_moves_the_ledger_once_and_later_refunds_reach_the_survivor()
    {
        var (survivor, absorbed) = (await NewContactAsync(), await NewContactAsync());
        await UseAsync<PurchaseManager, Purchase>(m => m.RecordPurchaseAsync(Tenant, new PurchaseDraft { ContactId = survivor, Amount = new Money(30m, Eur) }));
        var purchase = await UseAsync<PurchaseManager, Purchase>(m => m.RecordPurchaseAsync(Tenant, new PurchaseDraft { ContactId = absorbed, Amount = new Money(40m, Eur) }));
        await DeliverAllAsync();

        await UseAsync<ContactMerger, MergeResult>(m => m.MergeAsync(Tenant, new MergeRequest { SurvivorId = survivor, AbsorbedIds = [absorbed] }));
        await DeliverAllAsync();
        await UseAsync<PurchaseManager, Purchase>(m => m.RefundAsync(Tenant, purchase.Id, 40m));
        await DeliverAllAsync();

        (await BalanceAsync(survivor)).Should().Be(30);
        (await BalanceAsync(absorbed)).Should().Be(0);
        Store.Outbox.Snapshot().Select(e => e.Event).OfType<LedgerMerged>().Should().ContainSingle();
    }

    private InMemoryLoyaltyStore Store => _host.GetRequiredService<InMemoryLoyaltyStore>();

    private Task<long> BalanceAsync(ContactId member) => UseAsync<LoyaltyManager, long>(async m => (await m.GetBalanceAsync(Tenant, member)).Total);

    private Task<ContactId> NewContactAsync() => UseAsync<ContactManager, ContactId>(async m => (await m.CreateAsync(Tenant, new ContactDraft())).Id);

    private async Task<TResult> UseAsync<TService, TResult>(Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = _host.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Dispatches until nothing is due, moving the clock past every retry delay; sums what happened.</summary>
    private async Task<OutboxDispatchResult> DeliverAllAsync()
    {
        var dispatcher = _host.GetRequiredService<OutboxDispatcher>();
        int delivered = 0, retried = 0;
        for (var i = 0; i < 4; i++)
        {
            var result = await dispatcher.DispatchPendingAsync();
            delivered += result.Delivered;
            retried += result.Retried;
            result.DeadLettered.Should().Be(0);
            _clock.Advance(Duration.FromMinutes(5));
        }

        return new OutboxDispatchResult(delivered, retried, 0, 0);
    }

    /// <summary>Runs after every other listener and fails the first delivery of each event, so the dispatcher delivers it again to all of them.</summary>
    private sealed class FailFirstDelivery(FailFirstDelivery.Seen seen) : ICrmEventListener<CrmEvent>
    {
        public ValueTask HandleAsync(CrmEvent domainEvent, CancellationToken cancellationToken)
            => seen.Ids.Add(domainEvent.EventId) ? throw new InvalidOperationException("The first delivery fails.") : ValueTask.CompletedTask;

        public sealed class Seen
        {
            public HashSet<CrmEventId> Ids { get; } = [];
        }
    }
}
