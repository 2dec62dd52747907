using Crm.Loyalty.InMemory;
using Crm.Loyalty.Program;
using Crm.Loyalty.Tests.TestSupport;
using Crm.Testing;
using NodaTime;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Program;

/// <summary>The earning computation through <see cref="LoyaltyManager.Preview"/>: order of operations, rounding, precedence, tenders.</summary>
public sealed class EarningRulesTests
{
    [Theory]
    [InlineData(PointsRounding.Down, 9.99, 9)]
    [InlineData(PointsRounding.Up, 9.01, 10)]
    [InlineData(PointsRounding.HalfUp, 8.5, 9)]
    [InlineData(PointsRounding.HalfEven, 8.5, 8)]
    [InlineData(PointsRounding.HalfEven, 9.5, 10)]
    public void Rounding_mode_is_applied_once_per_line(PointsRounding rounding, double euros, long expected)
    {
        var manager = Manager(Basic() with { Rounding = rounding });

        manager.Preview(OneLine((decimal)euros)).Points.Should().Be(expected);
    }

    [Fact]
    public void By_default_points_are_earned_after_discounts_and_before_tax()
    {
        var manager = Manager(Basic());
        var purchase = new Purchase("o-1", CrmTestClock.Start, [new PurchaseLine("1", Euros(100m), discount: Euros(20m), tax: Euros(16m))]);

        manager.Preview(purchase).Points.Should().Be(80);
    }

    [Fact]
    public void Basis_can_include_tax_and_ignore_discounts()
    {
        var manager = Manager(Basic() with { Basis = new EarningBasis { AfterDiscounts = false, IncludeTax = true } });
        var purchase = new Purchase("o-1", CrmTestClock.Start, [new PurchaseLine("1", Euros(100m), discount: Euros(20m), tax: Euros(16m))]);

        manager.Preview(purchase).Points.Should().Be(116);
    }

    [Fact]
    public void Amounts_paid_with_points_gift_cards_or_top_ups_do_not_earn_by_default()
    {
        var manager = Manager(Basic());
        var purchase = OneLine(100m) with
        {
            Tenders = [new Tender(TenderKind.Standard, Euros(40m)), new Tender(TenderKind.Points, Euros(30m)), new Tender(TenderKind.GiftCard, Euros(20m)), new Tender(TenderKind.TopUp, Euros(10m))],
        };

        manager.Preview(purchase).Points.Should().Be(40);
    }

    [Fact]
    public void Stackable_rules_add_up_and_multipliers_multiply()
    {
        var manager = Manager(Basic() with
        {
            SpendRules = [new SpendRule("base", 1m), new SpendRule("shoes", 1m) { Categories = ["shoes"] }],
            Multipliers = [new PointsMultiplier("x2", 2m), new PointsMultiplier("x1.5", 1.5m)],
        });
        var purchase = new Purchase("o-1", CrmTestClock.Start, [new PurchaseLine("1", Euros(10m)) { Category = "shoes" }, new PurchaseLine("2", Euros(10m))]);

        var preview = manager.Preview(purchase);

        preview.Snapshot.Lines[0].Points.Should().Be(60, "(1 + 1) × 10 × 2 × 1.5");
        preview.Snapshot.Lines[1].Points.Should().Be(30);
        preview.Snapshot.Lines[0].RuleId.Should().Be("base+shoes*x1.5*x2");
    }

    [Fact]
    public void An_exclusive_rule_first_in_priority_applies_alone_and_is_skipped_below_another()
    {
        var manager = Manager(Basic() with
        {
            SpendRules =
            [
                new SpendRule("base", 1m),
                new SpendRule("vip", 5m) { Categories = ["vip"], Priority = 10, Stacking = RuleStacking.Exclusive },
                new SpendRule("clearance", 3m) { Categories = ["clearance"], Priority = -1, Stacking = RuleStacking.Exclusive },
            ],
        });
        var purchase = new Purchase("o-1", CrmTestClock.Start,
        [
            new PurchaseLine("vip", Euros(10m)) { Category = "vip" },
            new PurchaseLine("clearance", Euros(10m)) { Category = "clearance" },
        ]);

        var lines = manager.Preview(purchase).Snapshot.Lines;

        lines[0].Points.Should().Be(50, "the exclusive VIP rule outranks the base rule and applies alone");
        lines[1].Points.Should().Be(10, "the base rule applied first, so the lower exclusive rule is skipped");
    }

    [Fact]
    public void Campaign_multiplier_applies_only_within_its_local_window()
    {
        var window = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 7));
        var manager = Manager(Basic() with { Multipliers = [new PointsMultiplier("january", 3m) { Window = window }] });
        // 2025-01-07T23:30Z is already 8 January in Paris.
        var lateUtc = Instant.FromUtc(2025, 1, 7, 23, 30);

        manager.Preview(OneLine(10m, Instant.FromUtc(2025, 1, 7, 22, 30))).Points.Should().Be(30);
        manager.Preview(OneLine(10m, lateUtc)).Points.Should().Be(10);
    }

    [Fact]
    public void Purchase_after_the_program_ended_is_refused()
    {
        var manager = Manager(Basic() with { EndsOn = new LocalDate(2024, 12, 31) });

        var act = () => manager.Preview(OneLine(10m));

        act.Should().Throw<ProgramNotActiveException>().Which.Date.Should().Be(new LocalDate(2025, 1, 1));
    }

    [Fact]
    public void Purchase_in_another_currency_is_refused()
    {
        var manager = Manager(Basic());
        var purchase = new Purchase("o-1", CrmTestClock.Start, [new PurchaseLine("1", new Money(10m, new CurrencyCode("USD")))]);

        var act = () => manager.Preview(purchase);

        act.Should().Throw<ArgumentException>().WithMessage("*USD*EUR*");
    }

    [Fact]
    public async Task PreviewAsync_counts_caps_and_writes_nothing()
    {
        var store = new InMemoryLoyaltyStore();
        var manager = Manager(Basic() with { Caps = [new EarningCap(CapPeriod.Lifetime, 15)] }, store: store);
        var member = ContactId.New();
        var tenant = new TenantId("t");
        await manager.AccruePurchaseAsync(tenant, member, OneLine(10m));

        var preview = await manager.PreviewAsync(tenant, member, OneLine(10m, id: "o-2"));

        preview.Points.Should().Be(5);
        preview.Snapshot.CappedPoints.Should().Be(5);
        (await manager.GetBalanceAsync(tenant, member)).Total.Should().Be(10);
        store.Outbox.Snapshot().Should().ContainSingle();
    }

    [Fact]
    public async Task Event_rules_pay_once_per_source_and_birthday_once_per_year()
    {
        var clock = CrmTestClock.Create();
        var manager = Manager(Basic() with
        {
            EventRules = [new EventRule("welcome", EarningEvent.SignUp, 100), new EventRule("bday", EarningEvent.Birthday, 50)],
        }, clock);
        var (tenant, member) = (new TenantId("t"), ContactId.New());

        var signUp = await manager.AwardEventAsync(tenant, member, EarningEvent.SignUp, member.ToString());
        var again = await manager.AwardEventAsync(tenant, member, EarningEvent.SignUp, member.ToString());
        var notToday = await manager.AwardBirthdayAsync(tenant, member, new AnnualDate(3, 14));
        var today = await manager.AwardBirthdayAsync(tenant, member, new AnnualDate(1, 1));
        var twice = await manager.AwardBirthdayAsync(tenant, member, new AnnualDate(1, 1));

        again.Single().Id.Should().Be(signUp.Single().Id);
        notToday.Should().BeEmpty();
        twice.Single().Id.Should().Be(today.Single().Id);
        (await manager.GetBalanceAsync(tenant, member)).Available.Should().Be(150);
    }

    [Fact]
    public void Purchase_refuses_ids_that_cannot_be_part_of_a_key()
    {
        var act = () => new Purchase("order 1", CrmTestClock.Start, [new PurchaseLine("1", Euros(1m))]);

        act.Should().Throw<ArgumentException>().WithParameterName("sourceId");
    }
}
