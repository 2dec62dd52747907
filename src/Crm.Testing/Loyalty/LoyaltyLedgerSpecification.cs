using Crm.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>The ledger contract a loyalty store must keep, proved through <see cref="LoyaltyManager"/>: earning, redemption, expiry lots, holds, adjustments, idempotency and tenant isolation.</summary>
/// <remarks>Inherit it in your test project and implement <see cref="LoyaltySpecificationBase{TStore}.CreateStore"/>.</remarks>
public abstract class LoyaltyLedgerSpecification : LoyaltySpecificationBase<ILoyaltyStore>
{
    /// <summary>A purchase earns its points as one entry and one lot with the program's expiry.</summary>
    [Fact]
    public async Task Accrue_purchase_earns_one_entry_and_one_lot_expiring_at_the_end_of_the_local_day()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();

        var entry = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 42.90m)).ConfigureAwait(false);

        entry!.Points.Should().Be(42);
        entry.Kind.Should().Be(LedgerEntryKind.Earn);
        entry.Snapshot!.Lines.Should().ContainSingle().Which.RuleId.Should().Be("base");
        var lots = await manager.GetLotsAsync(TenantA, member).ConfigureAwait(false);
        var lot = lots.Should().ContainSingle().Subject;
        lot.Lot.Id.Should().Be(entry.Id);
        lot.Remaining.Should().Be(42);
        // Earned on 2025-01-01 (Paris): expires at the end of 2026-01-01, Paris time.
        lot.Lot.ExpiresAt.Should().Be(Instant.FromUtc(2026, 1, 1, 23, 0));
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(42);
    }

    /// <summary>A redelivered purchase returns the first entry and writes nothing.</summary>
    [Fact]
    public async Task Accrue_same_purchase_twice_earns_once()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();

        var first = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var again = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);

        again!.Id.Should().Be(first!.Id);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(10);
        (await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false)).Should().ContainSingle();
    }

    /// <summary>A redemption is allocated to the soonest-expiring lots first.</summary>
    [Fact]
    public async Task Redeem_takes_points_from_the_soonest_expiring_lots_first()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        var older = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(40));
        var newer = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 10m)).ConfigureAwait(false);

        await manager.RedeemAsync(TenantA, member, 15, NewKey()).ConfigureAwait(false);

        var lots = (await manager.GetLotsAsync(TenantA, member).ConfigureAwait(false)).ToDictionary(l => l.Lot.Id);
        lots[older!.Id].Remaining.Should().Be(0);
        lots[newer!.Id].Remaining.Should().Be(5);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>A redemption larger than the available points throws and writes nothing.</summary>
    [Fact]
    public async Task Redeem_more_than_available_throws_and_changes_nothing()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var before = await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false);

        var act = () => manager.RedeemAsync(TenantA, member, 11, NewKey());

        (await act.Should().ThrowAsync<InsufficientPointsException>().ConfigureAwait(false)).Which.Available.Should().Be(10);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Should().Be(before);
        (await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false)).Should().ContainSingle();
    }

    /// <summary>Repeating a redemption with its key returns the first entry.</summary>
    [Fact]
    public async Task Redeem_repeated_with_the_same_key_debits_once()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var key = NewKey();

        var first = await manager.RedeemAsync(TenantA, member, 4, key).ConfigureAwait(false);
        var again = await manager.RedeemAsync(TenantA, member, 4, key).ConfigureAwait(false);

        again.Id.Should().Be(first.Id);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(6);
    }

    /// <summary>Expiry takes only the remainder of a due lot, once, and reading a balance never expires anything.</summary>
    [Fact]
    public async Task Expire_takes_the_remainder_of_due_lots_once_and_reading_changes_nothing()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, member, 3, NewKey()).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(400));

        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(7, "reading changes nothing");
        var expired = await manager.ExpireAsync(TenantA, member).ConfigureAwait(false);
        var again = await manager.ExpireAsync(TenantA, member).ConfigureAwait(false);

        expired.Should().ContainSingle().Which.Points.Should().Be(-7);
        again.Should().BeEmpty();
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(0);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>A lot past its expiry that no expiry command has processed is not spent.</summary>
    [Fact]
    public async Task Redeem_does_not_spend_a_lot_past_its_expiry()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(400));

        var act = () => manager.RedeemAsync(TenantA, member, 1, NewKey());

        await act.Should().ThrowAsync<InsufficientPointsException>().ConfigureAwait(false);
    }

    /// <summary>Points earned under a hold are pending until an activation after the hold.</summary>
    [Fact]
    public async Task Held_points_are_pending_until_activated_after_the_hold()
    {
        var manager = CreateManager(CreateStore(), CreateProgram() with { HoldPeriod = Duration.FromDays(14) });
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);

        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Should().Match<PointsBalance>(b => b.Pending == 10 && b.Available == 0);
        (await manager.ActivateAsync(TenantA, member).ConfigureAwait(false)).Should().BeEmpty("the hold has not ended");
        var redeem = () => manager.RedeemAsync(TenantA, member, 1, NewKey());
        await redeem.Should().ThrowAsync<InsufficientPointsException>().ConfigureAwait(false);

        Clock.Advance(Duration.FromDays(15));
        var activated = await manager.ActivateAsync(TenantA, member).ConfigureAwait(false);
        (await manager.ActivateAsync(TenantA, member).ConfigureAwait(false)).Should().BeEmpty("activation is idempotent");

        activated.Should().ContainSingle().Which.Kind.Should().Be(LedgerEntryKind.Activate);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Should().Match<PointsBalance>(b => b.Pending == 0 && b.Available == 10);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>A positive adjustment is a new lot; a negative one is debited like a redemption and cannot overdraw.</summary>
    [Fact]
    public async Task Adjust_credits_a_lot_or_debits_with_a_reason()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();

        var gift = await manager.AdjustAsync(TenantA, member, 25, "goodwill", NewKey()).ConfigureAwait(false);
        var correction = await manager.AdjustAsync(TenantA, member, -5, "correction", NewKey()).ConfigureAwait(false);
        var overdraw = () => manager.AdjustAsync(TenantA, member, -21, "correction", NewKey());

        gift.Reason.Should().Be("goodwill");
        correction.Points.Should().Be(-5);
        await overdraw.Should().ThrowAsync<InsufficientPointsException>().ConfigureAwait(false);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(20);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>Cancelling a redemption restores the points to the lots they came from.</summary>
    [Fact]
    public async Task Cancel_redemption_restores_points_to_their_original_lots()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        var earned = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var redemption = await manager.RedeemAsync(TenantA, member, 8, NewKey()).ConfigureAwait(false);

        var cancel = await manager.CancelRedemptionAsync(TenantA, member, redemption.Id).ConfigureAwait(false);
        var again = await manager.CancelRedemptionAsync(TenantA, member, redemption.Id).ConfigureAwait(false);

        again.Id.Should().Be(cancel.Id);
        cancel.Points.Should().Be(8);
        var lot = (await manager.GetLotsAsync(TenantA, member).ConfigureAwait(false)).Should().ContainSingle().Subject;
        lot.Lot.Id.Should().Be(earned!.Id);
        lot.Remaining.Should().Be(10);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>Points of a cancelled redemption whose lot has expired since come back as a new lot with the stated validity.</summary>
    [Fact]
    public async Task Cancel_redemption_after_the_lot_expired_credits_a_new_lot()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var redemption = await manager.RedeemAsync(TenantA, member, 4, NewKey()).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(400));
        await manager.ExpireAsync(TenantA, member).ConfigureAwait(false);

        var cancel = await manager.CancelRedemptionAsync(TenantA, member, redemption.Id).ConfigureAwait(false);

        var lots = await manager.GetLotsAsync(TenantA, member).ConfigureAwait(false);
        var restored = lots.Should().ContainSingle(l => l.Lot.Id == cancel.Id).Subject;
        restored.Remaining.Should().Be(4);
        (restored.Lot.ExpiresAt > Clock.GetCurrentInstant()).Should().BeTrue("the restored lot has a validity of its own");
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(4);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>The same member id in two tenants has two independent ledgers, and a key of one tenant is unknown in the other.</summary>
    [Fact]
    public async Task Tenants_are_isolated_even_with_the_same_member_id_and_keys()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantB, member, PurchaseOf("o-1", 3m)).ConfigureAwait(false);
        var key = NewKey();
        await manager.RedeemAsync(TenantA, member, 5, key).ConfigureAwait(false);

        var inB = () => manager.RedeemAsync(TenantB, member, 5, key);

        await inB.Should().ThrowAsync<InsufficientPointsException>("the key of tenant A means nothing in tenant B").ConfigureAwait(false);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(5);
        (await manager.GetBalanceAsync(TenantB, member).ConfigureAwait(false)).Available.Should().Be(3);
    }

    /// <summary>A key used for one member cannot be replayed for another.</summary>
    [Fact]
    public async Task Key_of_another_member_is_refused()
    {
        var manager = CreateManager(CreateStore());
        var (ada, bo) = (ContactId.New(), ContactId.New());
        await manager.AccruePurchaseAsync(TenantA, ada, PurchaseOf("o-1", 10m)).ConfigureAwait(false);

        var act = () => manager.AccruePurchaseAsync(TenantA, bo, PurchaseOf("o-1", 10m));

        await act.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        (await manager.GetBalanceAsync(TenantA, bo).ConfigureAwait(false)).Total.Should().Be(0);
    }

    /// <summary>Earning caps reduce an earning and record the reduction in the snapshot.</summary>
    [Fact]
    public async Task Daily_cap_reduces_the_earning_and_records_it()
    {
        var manager = CreateManager(CreateStore(), CreateProgram() with { Caps = [new EarningCap(CapPeriod.Day, 50)] });
        var member = ContactId.New();

        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 40m)).ConfigureAwait(false);
        var capped = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 40m)).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(1));
        var nextDay = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-3", 40m)).ConfigureAwait(false);

        capped!.Points.Should().Be(10);
        capped.Snapshot!.CappedPoints.Should().Be(30);
        nextDay!.Points.Should().Be(40);
    }

    /// <summary>Paging the ledger returns every entry once, in the order written.</summary>
    [Fact]
    public async Task Ledger_pages_return_every_entry_once_in_order()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        var written = new List<LedgerEntryId>();
        for (var i = 0; i < 20; i++)
        {
            written.Add((await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf($"o-{i}", 1m + i)).ConfigureAwait(false))!.Id);
        }

        var read = await AllEntriesAsync(manager, TenantA, member, pageSize: 6).ConfigureAwait(false);

        read.Select(e => e.Id).Should().Equal(written);
    }

    /// <summary>A statement sums the period's movements by kind, and its closing balance is the balance.</summary>
    [Fact]
    public async Task Statement_reconciles_and_shows_what_expires_next()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        var start = Clock.GetCurrentInstant();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 30m)).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, member, 10, NewKey()).ConfigureAwait(false);
        await manager.AdjustAsync(TenantA, member, 5, "goodwill", NewKey()).ConfigureAwait(false);
        await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-1", "r-1", [new RefundLine("1", new Money(10m, Eur))])).ConfigureAwait(false);
        var end = Clock.GetCurrentInstant();

        var statement = await manager.GetStatementAsync(TenantA, member, start, end, Duration.FromDays(400)).ConfigureAwait(false);

        statement.Should().Match<Crm.Loyalty.Statements.PointsStatement>(s =>
            s.Opening == 0 && s.Earned == 30 && s.Redeemed == -10 && s.Adjusted == 5 && s.Reversed == -10 && s.Expired == 0 && s.Closing == 15 && s.Reconciles);
        statement.ExpiringNext.Should().Be(15);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(statement.Closing);
    }

    /// <summary>Top earners rank members on points earned in the window, net of refund clawbacks, never on the balance; other tenants and other windows are left out.</summary>
    [Fact]
    public async Task Top_earners_rank_on_points_earned_in_the_window_net_of_refunds()
    {
        var manager = CreateManager(CreateStore());
        var (ada, bo, cy) = (ContactId.New(), ContactId.New(), ContactId.New());
        var before = Clock.GetCurrentInstant();
        await manager.AccruePurchaseAsync(TenantA, cy, PurchaseOf("early", 500m)).ConfigureAwait(false);
        var from = Clock.GetCurrentInstant();
        await manager.AccruePurchaseAsync(TenantA, ada, PurchaseOf("a-1", 100m)).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, ada, 100, NewKey()).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, bo, PurchaseOf("b-1", 150m)).ConfigureAwait(false);
        await manager.RefundAsync(TenantA, bo, new PurchaseRefund("b-1", "r-1", [new RefundLine("1", new Money(100m, Eur))])).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, cy, PurchaseOf("c-1", 10m)).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantB, ContactId.New(), PurchaseOf("other", 900m)).ConfigureAwait(false);
        var to = Clock.GetCurrentInstant();

        var top = await manager.GetTopEarnersAsync(TenantA, from, to, 2).ConfigureAwait(false);

        top.Should().Equal(new Crm.Loyalty.Members.MemberPoints(ada, 100), new Crm.Loyalty.Members.MemberPoints(bo, 50));
        (await manager.GetTopEarnersAsync(TenantA, before, to, 1).ConfigureAwait(false)).Single().ContactId.Should().Be(cy);
    }
}
