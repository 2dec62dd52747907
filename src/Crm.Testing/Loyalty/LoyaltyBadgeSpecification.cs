using Crm.Loyalty;
using Crm.Loyalty.Badges;
using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using Crm.Storage;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>The badge contract of a loyalty store (<see cref="ILoyaltyBadgeStore"/>): badges derived from the ledger, awarded once with their points and event in one change set, also when evaluations race.</summary>
public abstract class LoyaltyBadgeSpecification : LoyaltySpecificationBase<ILoyaltyStore>
{
    /// <summary>The store each parallel task uses; by default the same instance (override for stores that are one per unit of work).</summary>
    protected virtual ILoyaltyStore StoreForTask(ILoyaltyStore shared) => shared;

    /// <summary>The reference program with <paramref name="badges"/>.</summary>
    protected LoyaltyProgram WithBadges(params BadgeRule[] badges) => CreateProgram() with { Badges = badges };

    /// <summary>Three purchases in 30 days award the badge once, paying its points as an earning with a lot, and write <see cref="BadgeAwarded"/> to the outbox.</summary>
    [Fact]
    public async Task A_purchase_count_badge_is_awarded_once_with_its_points_and_event()
    {
        var store = CreateStore();
        var manager = CreateManager(store, WithBadges(new PurchaseCountBadge("three-in-30", 3, 30) { Points = 50 }));
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2025, 3, 1, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(10));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 10m)).ConfigureAwait(false);
        (await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().BeEmpty("two purchases are not three");
        Clock.Advance(Duration.FromDays(10));
        var third = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-3", 10m)).ConfigureAwait(false);

        var awarded = await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false);
        var again = await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false);

        var badge = awarded.Should().ContainSingle().Subject;
        (badge.BadgeId, badge.Key, badge.Points, badge.AchievedAt).Should().Be(("three-in-30", "badge:three-in-30", 50L, third!.RecordedAt));
        again.Should().BeEmpty();
        (await manager.GetBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().Equal(badge);
        var entries = await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false);
        var paid = entries.Should().ContainSingle(e => e.Id == badge.EntryId).Subject;
        (paid.Kind, paid.Points, paid.IdempotencyKey).Should().Be((LedgerEntryKind.Earn, 50L, $"badge:{member}:three-in-30"));
        paid.Snapshot!.Lines.Should().ContainSingle().Which.RuleId.Should().Be("badge:three-in-30");
        (await manager.GetLotsAsync(TenantA, member).ConfigureAwait(false)).Should().Contain(l => l.Lot.Id == paid.Id && l.Remaining == 50);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(80);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
        if (store is IOutboxStore outbox)
        {
            var now = Clock.GetCurrentInstant();
            var events = (await outbox.ClaimAsync(100, now, now + Duration.FromMinutes(1), CancellationToken.None).ConfigureAwait(false)).Select(m => m.Event).ToList();
            var awardedEvent = events.OfType<BadgeAwarded>().Should().ContainSingle().Subject;
            (awardedEvent.ContactId, awardedEvent.BadgeId, awardedEvent.Points, awardedEvent.EntryId).Should().Be((member, "three-in-30", 50L, paid.Id));
            events.OfType<PointsEarned>().Should().Contain(e => e.EntryId == paid.Id);
        }
    }

    /// <summary>Purchases further apart than the window, and a purchase whose refund took back all its points, do not count; a partly refunded one does.</summary>
    [Fact]
    public async Task Purchases_outside_the_window_or_fully_refunded_do_not_count()
    {
        var store = CreateStore();
        var manager = CreateManager(store, WithBadges(new PurchaseCountBadge("three-in-30", 3, 30)));
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2025, 3, 1, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("old", 10m)).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(40));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 10m)).ConfigureAwait(false);
        await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-2", "r-1")).ConfigureAwait(false);
        (await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().BeEmpty("one purchase is 40 days old and one was refunded in full");

        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-3", 10m)).ConfigureAwait(false);
        await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-3", "r-2", [new RefundLine("1", new Money(4m, Eur))])).ConfigureAwait(false);
        (await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().BeEmpty("o-1 and o-3 are two");
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-4", 10m)).ConfigureAwait(false);

        (await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().ContainSingle("o-1, the partly refunded o-3 and o-4 are three")
            .Which.Points.Should().Be(0);
    }

    /// <summary>An evaluation as of an earlier instant ignores the entries recorded after it; awarded badges are keyed on the achievement, not on the evaluation.</summary>
    [Fact]
    public async Task An_evaluation_as_of_an_instant_reads_the_ledger_up_to_it()
    {
        var store = CreateStore();
        var manager = CreateManager(store, WithBadges(new PurchaseCountBadge("two-in-7", 2, 7)));
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2025, 6, 1, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var between = Clock.GetCurrentInstant();
        var second = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 10m)).ConfigureAwait(false);

        (await manager.EvaluateBadgesAsync(TenantA, member, between).ConfigureAwait(false)).Should().BeEmpty();
        (await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().ContainSingle().Which.AchievedAt.Should().Be(second!.RecordedAt);
        var future = () => manager.EvaluateBadgesAsync(TenantA, member, Clock.GetCurrentInstant() + Duration.FromDays(1));
        await future.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("asOf").ConfigureAwait(false);
    }

    /// <summary>A membership anniversary is reached at the start of the local day, in the program's time zone, N years after the first entry.</summary>
    [Fact]
    public async Task A_membership_anniversary_is_reached_on_its_local_day()
    {
        var store = CreateStore();
        var manager = CreateManager(store, WithBadges(new MembershipAnniversaryBadge("one-year", 1) { Points = 100 }));
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2024, 2, 10, 23, 30));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);

        Clock.Reset(Instant.FromUtc(2025, 2, 10, 22, 0));
        (await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().BeEmpty("the first entry was on 11 February in Paris");
        Clock.Reset(Instant.FromUtc(2025, 2, 10, 23, 30));
        var awarded = await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false);

        awarded.Should().ContainSingle().Which.AchievedAt.Should().Be(Instant.FromUtc(2025, 2, 10, 23, 0), "midnight of 11 February in Paris");
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(110);
    }

    /// <summary>A streak counts calendar months of the program's time zone; a repeating streak is awarded once per streak, keyed by the month it started.</summary>
    [Fact]
    public async Task A_streak_counts_local_calendar_months_and_a_repeating_one_pays_once_per_streak()
    {
        var store = CreateStore();
        var manager = CreateManager(store, WithBadges(new PurchaseStreakBadge("three-months", 3), new PurchaseStreakBadge("every-streak", 3) { Repeats = true, Points = 10 }));
        var member = ContactId.New();
        async Task<LedgerEntry?> BuyAt(string id, Instant at)
        {
            Clock.Reset(at);
            return await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf(id, 10m)).ConfigureAwait(false);
        }

        await BuyAt("jan", Instant.FromUtc(2025, 1, 15, 12, 0)).ConfigureAwait(false);
        await BuyAt("feb", Instant.FromUtc(2025, 1, 31, 23, 30)).ConfigureAwait(false);
        (await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().BeEmpty("January and February (in Paris) are two months");
        var march = await BuyAt("mar", Instant.FromUtc(2025, 3, 10, 12, 0)).ConfigureAwait(false);
        await BuyAt("apr", Instant.FromUtc(2025, 4, 10, 12, 0)).ConfigureAwait(false);
        var first = await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false);
        await BuyAt("jun", Instant.FromUtc(2025, 6, 10, 12, 0)).ConfigureAwait(false);
        await BuyAt("jul", Instant.FromUtc(2025, 7, 10, 12, 0)).ConfigureAwait(false);
        await BuyAt("aug", Instant.FromUtc(2025, 8, 10, 12, 0)).ConfigureAwait(false);
        var second = await manager.EvaluateBadgesAsync(TenantA, member).ConfigureAwait(false);

        first.Select(b => b.Key).Should().Equal("badge:three-months", "badge:every-streak:2025-01");
        first[0].AchievedAt.Should().Be(march!.RecordedAt);
        second.Select(b => b.Key).Should().Equal("badge:every-streak:2025-06");
        (await manager.GetBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().HaveCount(3);
        (await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false)).Count(e => e.IdempotencyKey.StartsWith("badge:", StringComparison.Ordinal)).Should().Be(2);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>Ten evaluations racing for the same member award the badge once and pay its points once.</summary>
    [Fact]
    public async Task Parallel_evaluations_award_a_badge_once()
    {
        var store = CreateStore();
        var program = WithBadges(new PurchaseCountBadge("two-in-30", 2, 30) { Points = 25 }, new MembershipAnniversaryBadge("one-year", 1));
        var manager = CreateManager(store, program);
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2025, 3, 1, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 10m)).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(400));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => CreateManager(StoreForTask(store), program).EvaluateBadgesAsync(TenantA, member)))).ConfigureAwait(false);

        results.SelectMany(r => r).Select(b => b.BadgeId).Should().BeEquivalentTo(["two-in-30", "one-year"], "each badge is awarded by exactly one evaluation");
        (await manager.GetBadgesAsync(TenantA, member).ConfigureAwait(false)).Should().HaveCount(2);
        (await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false)).Should().ContainSingle(e => e.IdempotencyKey.StartsWith("badge:", StringComparison.Ordinal));
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(45);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>The store refuses a badge key the member already holds, and writes nothing of that change set.</summary>
    [Fact]
    public async Task The_store_refuses_a_badge_key_the_member_holds_and_writes_nothing()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var now = Clock.GetCurrentInstant();
        var badge = new AwardedBadge(TenantA, member, "b", "badge:b", now, now, 0);
        await store.SaveAsync(TenantA, new LoyaltyChangeSet { Badges = [badge] }, CancellationToken.None).ConfigureAwait(false);
        var entry = new LedgerEntry(TenantA, LedgerEntryId.New(), member, LedgerEntryKind.Adjust, 5, now, "adjust:x") { Reason = "goodwill" };
        var lot = new PointsLot(entry.Id, member, 5, now, now, null);

        var repeat = () => store.SaveAsync(TenantA, new LoyaltyChangeSet { Entries = [entry], LotsCreated = [lot], Badges = [badge] }, CancellationToken.None).AsTask();
        var other = new AwardedBadge(TenantA, member, "c", "badge:c", now, now, 0);
        var twice = () => store.SaveAsync(TenantA, new LoyaltyChangeSet { Badges = [other, other] }, CancellationToken.None).AsTask();
        var foreign = () => store.SaveAsync(TenantA, new LoyaltyChangeSet { Badges = [new AwardedBadge(TenantB, member, "c", "badge:c", now, now, 0)] }, CancellationToken.None).AsTask();

        await repeat.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        await twice.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        await foreign.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        (await store.FindEntryByKeyAsync(TenantA, "adjust:x", CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        var badges = await ((ILoyaltyBadgeStore)store).ListBadgesAsync(TenantA, member, CancellationToken.None).ConfigureAwait(false);
        badges.Should().ContainSingle().Which.Key.Should().Be("badge:b");
        (await ((ILoyaltyBadgeStore)store).ListBadgesAsync(TenantB, member, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty("badges are tenant-scoped");
    }
}
