using Crm.Loyalty.Events;
using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Members;
using Crm.Loyalty.Program;
using Crm.Loyalty.Tiers;
using Crm.Storage;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Loyalty.Tests;

/// <summary>The worked tiered program of docs/loyalty.md ("A worked tiered program"), step by step: the code in the page is this test.</summary>
public sealed class DocsTieredExampleTests
{
    [Fact]
    public async Task The_worked_tiered_program_of_the_documentation()
    {
        var eur = new CurrencyCode("EUR");
        // --- docs:tiered-program ---
        var program = new LoyaltyProgram("style-club", eur, DateTimeZoneProviders.Tzdb["Europe/Paris"])
        {
            Rounding = PointsRounding.Down,
            DebtPolicy = DebtPolicy.AllowNegativeBalance,
            SpendRules = [new SpendRule("base", 1m)],                   // 1 point per euro
            ExpiryMonths = 24,
            Tiers =
            [
                new LoyaltyTier("member", 0m),
                new LoyaltyTier("silver", 500m) { EarningMultiplier = 1.25m },
                new LoyaltyTier("gold", 2_000m) { EarningMultiplier = 1.5m },
            ],
            TierQualification = TierQualification.MoneySpent,           // euros spent net of refunds, never the balance
            TierWindow = TierWindow.CalendarYear,
            TierDowngrade = TierDowngradePolicy.OneStepDown,             // required: how a review moves a member down
            TierGracePeriod = Period.FromMonths(1),                      // January still counts for last year
            PointValue = 0.01m,                                          // a redeemed point costs the shop one cent
        };
        // --- end ---
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 10, 10, 0));
        var store = new InMemoryLoyaltyStore();
        var loyalty = new LoyaltyManager(store, clock, new SequentialEventIdGenerator(), NullLogger<LoyaltyManager>.Instance, Options.Create(new LoyaltyOptions { Program = program }));
        var tenant = new TenantId("acme");
        var (bea, carl) = (ContactId.New(), ContactId.New());
        Purchase Order(string id, decimal euros) => new(id, clock.GetCurrentInstant(), [new PurchaseLine("1", new Money(euros, eur))]);

        // --- docs:tiered-upgrade ---
        await loyalty.AccruePurchaseAsync(tenant, bea, Order("b-1", 600m));      // 10 March: 600 points; €600 reaches silver at once
        clock.Reset(Instant.FromUtc(2025, 5, 5, 10, 0));
        await loyalty.AccruePurchaseAsync(tenant, carl, Order("c-1", 800m));     // 5 May: Carl reaches silver too
        clock.Reset(Instant.FromUtc(2025, 6, 1, 10, 0));
        var june = await loyalty.AccruePurchaseAsync(tenant, bea, Order("b-2", 1_500m));   // at silver ×1.25: 1,875 points; €2,100 reaches gold
        clock.Reset(Instant.FromUtc(2025, 6, 20, 10, 0));
        await loyalty.RefundAsync(tenant, bea, new PurchaseRefund("b-2", "r-1", [new RefundLine("1", new Money(200m, eur))]));   // −250 points, €1,900: still gold
        await loyalty.RedeemAsync(tenant, bea, 1_000, new IdempotencyKey("checkout-5"));
        // --- end ---
        june!.Points.Should().Be(1_875);
        june.Snapshot!.Should().Match<EarningSnapshot>(s => s.TierId == "silver" && s.TierMultiplier == 1.25m);
        var juneStatus = await loyalty.GetTierAsync(tenant, bea, clock.GetCurrentInstant());
        juneStatus.Should().Match<TierStatus>(t => t.Tier!.Id == "gold" && t.Qualifying == 1_900m && t.Reached!.Id == "silver");
        var now = clock.GetCurrentInstant();
        var events = (await store.ClaimAsync(100, now, now + Duration.FromMinutes(1), CancellationToken.None)).Select(m => m.Event).OfType<TierChanged>().ToList();
        events.Where(e => e.ContactId == bea).Select(e => (e.FromTierId, e.ToTierId)).Should().Equal((null, "silver"), ("silver", "gold"));

        // --- docs:tiered-review ---
        clock.Reset(Instant.FromUtc(2026, 1, 15, 10, 0));
        var early = await loyalty.EvaluateTiersAsync(tenant);                    // 0: the grace period runs to 1 February
        clock.Reset(Instant.FromUtc(2026, 2, 1, 10, 0));
        var reviewed = await loyalty.EvaluateTiersAsync(tenant);                 // 1: Bea's €1,900 in 2025 supports silver
        var again = await loyalty.EvaluateTierAsync(tenant, bea);                // the same change: a period is reviewed once
        // --- end ---
        early.Should().Be(0);
        reviewed.Should().Be(1);
        again!.Should().Match<TierChange>(c => c.FromTierId == "gold" && c.ToTierId == "silver" && c.Reason == TierChangeReason.Downgrade && c.Qualifying == 1_900m);
        var history = (await loyalty.GetTierHistoryAsync(tenant, bea, new PageRequest(10, null))).Items;
        history.Select(c => c.ToTierId).Should().Equal("silver", "gold", "silver");

        var year = (From: Instant.FromUtc(2024, 12, 31, 23, 0), To: Instant.FromUtc(2025, 12, 31, 23, 0));

        // --- docs:loyal-customers ---
        var silver = await loyalty.GetMembersByTierAsync(tenant, "silver", new PageRequest(100, null));                       // Carl, then Bea
        var profitable = await loyalty.GetRankedMembersAsync(tenant, MemberRanking.Profit, year.From, year.To, new PageRequest(10, null));
        var top = new List<MemberActivity>();
        await foreach (var member in loyalty.GetTopShareAsync(tenant, MemberRanking.MoneySpent, year.From, year.To, share: 0.2m))   // the top 20 %: Bea
        {
            top.Add(member);
        }
        // --- end ---
        silver.Items.Select(m => m.ContactId).Should().Equal(carl, bea);
        profitable.Items.Should().Equal(new MemberActivity(bea, 2_225, 1_900m, 1_000, 1_890m), new MemberActivity(carl, 800, 800m, 0, 800m));
        top.Select(m => m.ContactId).Should().Equal(bea);
    }
}
