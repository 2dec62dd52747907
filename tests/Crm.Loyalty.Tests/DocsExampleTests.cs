using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Tiers;
using Crm.Loyalty.Rewards;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Loyalty.Tests;

/// <summary>The worked program of docs/loyalty.md, step by step: the code in the page is this test.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public async Task The_worked_program_of_the_documentation()
    {
        // --- docs:program ---
        var eur = new CurrencyCode("EUR");
        var program = new LoyaltyProgram("club", eur, DateTimeZoneProviders.Tzdb["Europe/Paris"])
        {
            Rounding = PointsRounding.Down,                       // required: never "whatever the code did"
            DebtPolicy = DebtPolicy.AllowNegativeBalance,         // required: what a refund of spent points does
            Basis = new EarningBasis { AfterDiscounts = true, IncludeTax = false },   // the default, stated
            SpendRules = [new SpendRule("base", 1m)],             // 1 point per euro
            Multipliers =
            [
                new PointsMultiplier("shoe-week", 2m) { Category = "shoes", Window = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 7)) },
            ],
            EventRules = [new EventRule("welcome", EarningEvent.SignUp, 100), new EventRule("birthday", EarningEvent.Birthday, 50)],
            Caps = [new EarningCap(CapPeriod.Day, 1_000)],
            ExpiryMonths = 12,                                    // end of the local day, 12 months after earning
            HoldPeriod = Duration.FromDays(14),                   // the return window: points pending until then
            Rewards = [new Reward("coffee", 150) { PerMemberLimit = 1 }],
            Tiers = [new LoyaltyTier("bronze", 0m), new LoyaltyTier("silver", 200m), new LoyaltyTier("gold", 1_000m)],   // lowest first
            TierQualification = TierQualification.PointsEarned,   // required with tiers: points earned, never the balance
            TierWindow = TierWindow.Rolling(Period.FromMonths(12)),
            TierDowngrade = TierDowngradePolicy.ToQualifiedTier,   // required with tiers: how a review moves a member down
        };
        // --- end ---
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2025, 1, 3, 9, 0));
        var store = new InMemoryLoyaltyStore();
        var loyalty = new LoyaltyManager(store, clock, new SequentialEventIdGenerator(), NullLogger<LoyaltyManager>.Instance, Options.Create(new LoyaltyOptions { Program = program }));
        var tenant = new TenantId("acme");
        var ada = ContactId.New();

        // --- docs:earn ---
        await loyalty.AwardEventAsync(tenant, ada, EarningEvent.SignUp, sourceId: ada.ToString());     // +100, pending 14 days
        var order = new Purchase("order-1001", clock.GetCurrentInstant(),
        [
            new PurchaseLine("1", new Money(80m, eur), discount: new Money(8m, eur), tax: new Money(14.40m, eur)) { Category = "shoes" },
            new PurchaseLine("2", new Money(12m, eur), tax: new Money(2.40m, eur)) { Category = "socks" },
        ])
        {
            Tenders = [new Tender(TenderKind.Standard, new Money(79m, eur)), new Tender(TenderKind.GiftCard, new Money(5m, eur))],
        };
        var preview = loyalty.Preview(order);                                   // writes nothing
        var earned = await loyalty.AccruePurchaseAsync(tenant, ada, order);     // the same 146 points, once
        await loyalty.AccruePurchaseAsync(tenant, ada, order);                  // a redelivery: returns the first entry
        // --- end ---
        preview.Points.Should().Be(146);
        preview.Snapshot.Lines.Select(l => l.Points).Should().Equal(135, 11);
        earned!.Points.Should().Be(146);
        (await loyalty.GetBalanceAsync(tenant, ada)).Should().Be(new PointsBalance(Available: 0, Pending: 246, Debt: 0, Version: 2));

        // --- docs:refund ---
        await loyalty.RefundAsync(tenant, ada, new PurchaseRefund("order-1001", "refund-1", [new RefundLine("2", new Money(12m, eur))]));  // −11
        clock.Advance(Duration.FromDays(15));
        await loyalty.ActivateAsync(tenant, ada);                               // the holds have ended: 235 available
        var coffee = await loyalty.RedeemRewardAsync(tenant, ada, "coffee", new IdempotencyKey("checkout-77"));   // −150
        // --- end ---
        coffee.Points.Should().Be(-150);
        (await loyalty.GetBalanceAsync(tenant, ada)).Available.Should().Be(85);

        // --- docs:tier ---
        var tier = await loyalty.GetTierAsync(tenant, ada, clock.GetCurrentInstant());   // silver: 235 earned, though 150 are spent
        // --- end ---
        tier.Tier!.Id.Should().Be("silver");
        tier.Qualifying.Should().Be(235m);
        tier.ToNextTier.Should().Be(765m);
        (await loyalty.GetTierHistoryAsync(tenant, ada, new Crm.Storage.PageRequest(10, null))).Items.Select(c => c.ToTierId).Should().Equal("bronze", "silver");

        // --- docs:debt ---
        await loyalty.RefundAsync(tenant, ada, new PurchaseRefund("order-1001", "refund-2"));   // the shoes: −135, only 85 left
        var balance = await loyalty.GetBalanceAsync(tenant, ada);                              // Total −50: a visible debt
        await loyalty.AccruePurchaseAsync(tenant, ada, new Purchase("order-1002", clock.GetCurrentInstant(), [new PurchaseLine("1", new Money(70m, eur))]));
        // --- end ---
        balance.Should().Match<PointsBalance>(b => b.Available == 0 && b.Debt == 50 && b.Total == -50);
        (await loyalty.GetBalanceAsync(tenant, ada)).Should().Match<PointsBalance>(b => b.Debt == 0 && b.Pending == 20 && b.Total == 20);

        // --- docs:expire ---
        clock.Advance(Duration.FromDays(400));
        var expired = await loyalty.ExpireAsync(tenant, ada);                   // explicit; reading never expires
        var statement = await loyalty.GetStatementAsync(tenant, ada, Instant.FromUtc(2025, 1, 1, 0, 0), clock.GetCurrentInstant() + Duration.FromSeconds(1), Duration.FromDays(30));
        // --- end ---
        expired.Sum(e => e.Points).Should().Be(-20);
        statement.Should().BeEquivalentTo(new { Opening = 0L, Earned = 316L, Redeemed = -150L, Reversed = -146L, Expired = -20L, Closing = 0L });
        statement.Reconciles.Should().BeTrue();
        (await loyalty.GetTierAsync(tenant, ada, Instant.FromUtc(2025, 2, 1, 0, 0))).Should().Match<TierStatus>(t => t.Qualifying == 170m && t.Tier!.Id == "silver" && t.Reached!.Id == "bronze");
    }
}
