using Crm.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Loyalty.Tiers;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>The refund contract: clawback pro rata per line from the stored snapshot, the three debt policies, and idempotent refunds.</summary>
public abstract class LoyaltyRefundSpecification : LoyaltySpecificationBase<ILoyaltyStore>
{
    private Purchase TwoLines(string id) => new(id, Clock.GetCurrentInstant(),
    [
        new PurchaseLine("shoes", new Money(80m, Eur)),
        new PurchaseLine("socks", new Money(20m, Eur), discount: new Money(10m, Eur)),
    ]);

    /// <summary>A partial refund of a line reverses that share of the line's points, from the stored snapshot and not today's rules.</summary>
    [Fact]
    public async Task Partial_refund_reverses_the_line_share_of_its_snapshot_points()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var earned = await CreateManager(store, CreateProgram() with { SpendRules = [new SpendRule("base", 2m)] }).AccruePurchaseAsync(TenantA, member, TwoLines("o-1")).ConfigureAwait(false);
        var today = CreateManager(store, CreateProgram() with { SpendRules = [new SpendRule("base", 5m)] });

        var reversal = await today.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1", [new RefundLine("shoes", new Money(20m, Eur))])).ConfigureAwait(false);

        earned!.Points.Should().Be(180);
        reversal!.Points.Should().Be(-40, "a quarter of the shoes' 160 points, at the rate of the day of purchase");
        reversal.ReversesEntryId.Should().Be(earned.Id);
        (await today.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(140);
        await AssertReconcilesAsync(today, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>A tier is qualified from the stored snapshots: earnings net of their refunds, in points or money, never the balance.</summary>
    [Fact]
    public async Task Tier_status_counts_earnings_net_of_refunds_from_the_stored_snapshots()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var tiers = CreateProgram() with
        {
            Tiers = [new LoyaltyTier("bronze", 0m), new LoyaltyTier("silver", 50m)],
            TierQualification = TierQualification.PointsEarned,
            TierWindow = TierWindow.Rolling(Period.FromMonths(12)),
            TierDowngrade = TierDowngradePolicy.ToQualifiedTier,
        };
        var manager = CreateManager(store, tiers);
        await manager.AccruePurchaseAsync(TenantA, member, TwoLines("o-1")).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, member, 90, NewKey()).ConfigureAwait(false);
        await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1", [new RefundLine("shoes", new Money(20m, Eur))])).ConfigureAwait(false);

        var points = await manager.GetTierAsync(TenantA, member, Clock.GetCurrentInstant()).ConfigureAwait(false);
        var money = await CreateManager(store, tiers with { TierQualification = TierQualification.MoneySpent }).GetTierAsync(TenantA, member, Clock.GetCurrentInstant()).ConfigureAwait(false);

        points.Qualifying.Should().Be(70m, "90 points earned, 20 taken back by the refund; the 90 redeemed do not count");
        points.Tier!.Id.Should().Be("silver");
        money.Qualifying.Should().Be(70m, "€90 of net lines earned, €20 refunded");
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(-20);
    }

    /// <summary>Partial refunds that complete a line take back exactly its points, whatever the rounding of each refund.</summary>
    [Fact]
    public async Task Partial_refunds_completing_a_line_take_back_exactly_its_points()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, new Purchase("o-1", Clock.GetCurrentInstant(), [new PurchaseLine("1", new Money(10m, Eur))])).ConfigureAwait(false);

        var refunds = new List<LedgerEntry>();
        foreach (var (id, amount) in new[] { ("r-1", 3.33m), ("r-2", 3.33m), ("r-3", 3.34m) })
        {
            refunds.Add((await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", id, [new RefundLine("1", new Money(amount, Eur))])).ConfigureAwait(false))!);
        }

        refunds.Sum(r => r.Points).Should().Be(-10);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(0);
    }

    /// <summary>A full refund reverses what is left, and repeating the refund adds nothing.</summary>
    [Fact]
    public async Task Full_refund_is_idempotent()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, TwoLines("o-1")).ConfigureAwait(false);

        var first = await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1")).ConfigureAwait(false);
        var again = await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1")).ConfigureAwait(false);

        again!.Id.Should().Be(first!.Id);
        first.Points.Should().Be(-90);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(0);
    }

    /// <summary>Refunding more than a line's net amount is refused.</summary>
    [Fact]
    public async Task Refund_beyond_the_line_amount_is_refused()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, TwoLines("o-1")).ConfigureAwait(false);

        var act = () => manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1", [new RefundLine("socks", new Money(10.01m, Eur))]));

        await act.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(90);
    }

    /// <summary>Under AllowNegativeBalance, a clawback of spent points leaves a visible debt that the next earning settles first.</summary>
    [Fact]
    public async Task Allow_negative_balance_leaves_a_debt_settled_by_the_next_earning()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 50m)).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, member, 40, NewKey()).ConfigureAwait(false);

        await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1")).ConfigureAwait(false);
        var inDebt = await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 100m)).ConfigureAwait(false);
        var after = await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false);

        inDebt.Should().Match<PointsBalance>(b => b.Debt == 40 && b.Total == -40 && b.Available == 0);
        after.Should().Match<PointsBalance>(b => b.Debt == 0 && b.Total == 60 && b.Available == 60);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>Under ClampAtZero, a clawback takes what is there and writes the rest off.</summary>
    [Fact]
    public async Task Clamp_at_zero_takes_what_is_there_and_writes_off_the_rest()
    {
        var manager = CreateManager(CreateStore(), CreateProgram() with { DebtPolicy = DebtPolicy.ClampAtZero });
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 50m)).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, member, 40, NewKey()).ConfigureAwait(false);

        var reversal = await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1")).ConfigureAwait(false);

        reversal!.Points.Should().Be(-10);
        reversal.WrittenOff.Should().Be(40);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Should().Match<PointsBalance>(b => b.Total == 0 && b.Debt == 0);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>Under Refuse, a clawback of spent points throws and writes nothing.</summary>
    [Fact]
    public async Task Refuse_throws_and_changes_nothing()
    {
        var manager = CreateManager(CreateStore(), CreateProgram() with { DebtPolicy = DebtPolicy.Refuse });
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 50m)).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, member, 40, NewKey()).ConfigureAwait(false);

        var act = () => manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1"));

        (await act.Should().ThrowAsync<PointsAlreadySpentException>().ConfigureAwait(false)).Which.Held.Should().Be(10);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(10);
        (await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false)).Should().HaveCount(2);
    }

    /// <summary>A refund within the hold takes the points back from the purchase's own pending lot.</summary>
    [Fact]
    public async Task Refund_within_the_hold_takes_the_pending_points_of_the_purchase()
    {
        var manager = CreateManager(CreateStore(), CreateProgram() with { HoldPeriod = Duration.FromDays(30) });
        var member = ContactId.New();
        await manager.AdjustAsync(TenantA, member, 100, "welcome", NewKey()).ConfigureAwait(false);
        var earned = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 50m)).ConfigureAwait(false);

        await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1")).ConfigureAwait(false);

        var lots = (await manager.GetLotsAsync(TenantA, member).ConfigureAwait(false)).ToDictionary(l => l.Lot.Id);
        lots[earned!.Id].Remaining.Should().Be(0);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Should().Match<PointsBalance>(b => b.Available == 100 && b.Pending == 0);
    }

    /// <summary>Refunding a purchase that earned nothing (or is unknown) writes nothing.</summary>
    [Fact]
    public async Task Refund_of_a_purchase_without_points_writes_nothing()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();

        var reversal = await manager.RefundAsync(TenantA, member, new PurchaseRefund("never-accrued", "r-1")).ConfigureAwait(false);

        reversal.Should().BeNull();
        (await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false)).Should().BeEmpty();
    }
}
