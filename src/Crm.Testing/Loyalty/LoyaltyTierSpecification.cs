using Crm.Loyalty;
using Crm.Loyalty.Events;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Loyalty.Tiers;
using Crm.Outbox;
using Crm.Storage;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>The stored-tier contract of a loyalty store (<see cref="ILoyaltyTierStore"/>): upgrades stored with the earning that causes them, reviews that move down once per period, the history, members by tier, and no tier change lost to a race.</summary>
public abstract class LoyaltyTierSpecification : LoyaltySpecificationBase<ILoyaltyStore>
{
    /// <summary>The store each parallel task uses; by default the same instance (override for stores that are one per unit of work).</summary>
    protected virtual ILoyaltyStore StoreForTask(ILoyaltyStore shared) => shared;

    /// <summary>Bronze from 0, silver from 100 (×2 points), gold from 500 points earned in the calendar year; reviews go to the qualified tier.</summary>
    protected LoyaltyProgram Tiered(TierDowngradePolicy policy = TierDowngradePolicy.ToQualifiedTier) => CreateProgram() with
    {
        Tiers = [new LoyaltyTier("bronze", 0m), new LoyaltyTier("silver", 100m) { EarningMultiplier = 2m }, new LoyaltyTier("gold", 500m)],
        TierQualification = TierQualification.PointsEarned,
        TierWindow = TierWindow.CalendarYear,
        TierDowngrade = policy,
    };

    /// <summary>An earning that reaches a higher tier stores it, its history record and its <see cref="TierChanged"/> event in the earning's change set.</summary>
    [Fact]
    public async Task An_earning_that_reaches_a_higher_tier_stores_it_at_once_with_its_event()
    {
        var store = CreateStore();
        var manager = CreateManager(store, Tiered());
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2025, 3, 1, 12, 0));

        var first = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 60m)).ConfigureAwait(false);
        var second = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 50m)).ConfigureAwait(false);

        var status = await manager.GetTierAsync(TenantA, member, Clock.GetCurrentInstant()).ConfigureAwait(false);
        status.Tier!.Id.Should().Be("silver");
        status.Qualifying.Should().Be(110m);
        var history = (await manager.GetTierHistoryAsync(TenantA, member, new PageRequest(10, null)).ConfigureAwait(false)).Items;
        history.Select(c => (c.FromTierId, c.ToTierId, c.Reason)).Should().Equal((null, "bronze", TierChangeReason.Upgrade), ("bronze", "silver", TierChangeReason.Upgrade));
        history.Select(c => c.CausedByEntryId).Should().Equal(first!.Id, second!.Id);
        history[1].Qualifying.Should().Be(110m);
        if (store is IOutboxStore outbox)
        {
            var now = Clock.GetCurrentInstant();
            var events = (await outbox.ClaimAsync(100, now, now + Duration.FromMinutes(1), CancellationToken.None).ConfigureAwait(false)).Select(m => m.Event).ToList();
            events.OfType<TierChanged>().Select(e => e.ToTierId).Should().Equal("bronze", "silver");
        }
    }

    /// <summary>The tier's multiplier applies to the next purchase, is stored in its snapshot, and a refund after a downgrade takes back the snapshot's points.</summary>
    [Fact]
    public async Task The_tier_multiplier_is_recorded_in_the_snapshot_and_a_refund_never_recomputes_it()
    {
        var store = CreateStore();
        var manager = CreateManager(store, Tiered());
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2024, 11, 1, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 100m)).ConfigureAwait(false);
        var doubled = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 10m)).ConfigureAwait(false);
        Clock.Reset(Instant.FromUtc(2026, 1, 2, 12, 0));
        var review = await manager.EvaluateTierAsync(TenantA, member).ConfigureAwait(false);

        var reversal = await manager.RefundAsync(TenantA, member, new PurchaseRefund("o-2", "r-1")).ConfigureAwait(false);

        doubled!.Points.Should().Be(20);
        doubled.Snapshot!.TierId.Should().Be("silver");
        doubled.Snapshot.TierMultiplier.Should().Be(2m);
        review!.ToTierId.Should().Be("bronze");
        reversal!.Points.Should().Be(-20, "the refund reads the snapshot's 20 points, not today's bronze rate");
        reversal.Snapshot!.TierId.Should().Be("silver");
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>A review moves one step down per period under <see cref="TierDowngradePolicy.OneStepDown"/>, and running it again for the same period changes nothing.</summary>
    [Fact]
    public async Task A_review_steps_down_once_per_period_and_repeating_it_changes_nothing()
    {
        var store = CreateStore();
        var manager = CreateManager(store, Tiered(TierDowngradePolicy.OneStepDown));
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2024, 5, 1, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 600m)).ConfigureAwait(false);
        Clock.Reset(Instant.FromUtc(2025, 1, 5, 12, 0));
        (await manager.EvaluateTierAsync(TenantA, member).ConfigureAwait(false)).Should().BeNull("600 points in 2024 keep gold");

        Clock.Reset(Instant.FromUtc(2026, 1, 5, 12, 0));
        var first = await manager.EvaluateTierAsync(TenantA, member).ConfigureAwait(false);
        var again = await manager.EvaluateTierAsync(TenantA, member).ConfigureAwait(false);
        var sweep = await manager.EvaluateTiersAsync(TenantA).ConfigureAwait(false);

        first!.Should().Match<TierChange>(c => c.FromTierId == "gold" && c.ToTierId == "silver" && c.Reason == TierChangeReason.Downgrade && c.Qualifying == 0m);
        again.Should().Be(first);
        sweep.Should().Be(0);
        (await manager.GetTierHistoryAsync(TenantA, member, new PageRequest(10, null)).ConfigureAwait(false)).Items.Select(c => c.ToTierId).Should().Equal("gold", "silver");
        (await manager.GetTierAsync(TenantA, member, Clock.GetCurrentInstant()).ConfigureAwait(false)).Tier!.Id.Should().Be("silver");
    }

    /// <summary>A review to the qualified tier drops straight to what the period supports, after the grace period, counting activity in it.</summary>
    [Fact]
    public async Task A_review_to_the_qualified_tier_waits_for_the_grace_period_and_counts_it()
    {
        var store = CreateStore();
        var manager = CreateManager(store, Tiered() with { TierGracePeriod = Period.FromMonths(1) });
        var member = ContactId.New();
        var other = ContactId.New();
        Clock.Reset(Instant.FromUtc(2024, 5, 1, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 600m)).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, other, PurchaseOf("p-1", 600m)).ConfigureAwait(false);
        Clock.Reset(Instant.FromUtc(2025, 1, 10, 12, 0));
        await manager.AccruePurchaseAsync(TenantA, other, PurchaseOf("p-2", 200m)).ConfigureAwait(false);
        Clock.Reset(Instant.FromUtc(2026, 1, 10, 12, 0));
        (await manager.EvaluateTierAsync(TenantA, member).ConfigureAwait(false)).Should().BeNull("the grace period of 2025 runs to 1 February 2026");

        Clock.Reset(Instant.FromUtc(2026, 2, 1, 12, 0));
        var changed = await manager.EvaluateTiersAsync(TenantA).ConfigureAwait(false);

        changed.Should().Be(2);
        (await manager.GetTierAsync(TenantA, member, Clock.GetCurrentInstant()).ConfigureAwait(false)).Tier!.Id.Should().Be("bronze", "nothing earned in 2025 supports bronze only");
        (await manager.GetTierAsync(TenantA, other, Clock.GetCurrentInstant()).ConfigureAwait(false)).Tier!.Id.Should().Be("silver", "200 points earned in 2025 support silver");
        (await manager.EvaluateTiersAsync(TenantA).ConfigureAwait(false)).Should().Be(0);
    }

    /// <summary>Two accruals racing, each too small alone but together reaching silver, lose no tier change.</summary>
    [Fact]
    public async Task Racing_accruals_lose_no_tier_change()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var program = Tiered();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => CreateManager(StoreForTask(store), program).AccruePurchaseAsync(TenantA, member, PurchaseOf($"o-{i}", 20m))))).ConfigureAwait(false);

        var manager = CreateManager(store, program);
        var status = await manager.GetTierAsync(TenantA, member, Clock.GetCurrentInstant()).ConfigureAwait(false);
        status.Qualifying.Should().BeGreaterThanOrEqualTo(120m);
        status.Tier!.Id.Should().Be("silver");
        var history = (await manager.GetTierHistoryAsync(TenantA, member, new PageRequest(10, null)).ConfigureAwait(false)).Items;
        history.Select(c => c.ToTierId).Should().Equal("bronze", "silver");
        history[1].FromTierId.Should().Be("bronze");
    }

    /// <summary>An accrual that commits after a review read its figures (and before the review saves) makes the review re-read and re-decide, so the member is not moved down on stale figures.</summary>
    [Fact]
    public async Task A_review_overtaken_by_an_accrual_re_decides_on_the_new_figures()
    {
        var store = CreateStore();
        var program = Tiered();
        var member = ContactId.New();
        Clock.Reset(Instant.FromUtc(2024, 5, 1, 12, 0));
        await CreateManager(store, program).AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 600m)).ConfigureAwait(false);
        Clock.Reset(Instant.FromUtc(2026, 1, 5, 12, 0));
        var interleaved = new InterleavingStore(store, () => CreateManager(store, program).AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 600m)));

        var review = await CreateManager(interleaved, program).EvaluateTierAsync(TenantA, member).ConfigureAwait(false);

        interleaved.Interleaved.Should().BeTrue();
        review.Should().BeNull("after re-reading, the 600 points of 2026 support gold");
        var status = await CreateManager(store, program).GetTierAsync(TenantA, member, Clock.GetCurrentInstant()).ConfigureAwait(false);
        status.Tier!.Id.Should().Be("gold", "a review decided before the purchase would have stored bronze");
    }

    /// <summary>Members by tier come in pages in the order they entered the tier, each member once, only members holding the tier.</summary>
    [Fact]
    public async Task Members_by_tier_are_paged_in_the_order_they_entered_it()
    {
        var store = CreateStore();
        var manager = CreateManager(store, Tiered());
        var silver = Enumerable.Range(0, 5).Select(_ => ContactId.New()).ToList();
        var bronze = ContactId.New();
        foreach (var (member, i) in silver.Select((m, i) => (m, i)))
        {
            await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf($"o-{i}", 150m)).ConfigureAwait(false);
        }

        await manager.AccruePurchaseAsync(TenantA, bronze, PurchaseOf("o-b", 10m)).ConfigureAwait(false);
        await CreateManager(store, Tiered()).AccruePurchaseAsync(TenantB, ContactId.New(), PurchaseOf("o-x", 150m)).ConfigureAwait(false);

        var seen = new List<MemberTier>();
        string? cursor = null;
        do
        {
            var page = await manager.GetMembersByTierAsync(TenantA, "silver", new PageRequest(2, cursor)).ConfigureAwait(false);
            page.Items.Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        seen.Select(m => m.ContactId).Should().Equal(silver);
        seen.Should().OnlyContain(m => m.TierId == "silver" && m.Since != null);
        (await manager.GetMembersByTierAsync(TenantA, "bronze", new PageRequest(10, null)).ConfigureAwait(false)).Items.Select(m => m.ContactId).Should().Equal(bronze);
    }

    /// <summary>A tier change whose key is taken fails the whole change set, which writes nothing.</summary>
    [Fact]
    public async Task A_repeated_tier_change_key_fails_the_change_set_and_writes_nothing()
    {
        var store = CreateStore();
        var manager = CreateManager(store, Tiered());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var first = (await manager.GetTierHistoryAsync(TenantA, member, new PageRequest(10, null)).ConfigureAwait(false)).Items.Single();
        var tierStore = (ILoyaltyTierStore)store;
        var state = await tierStore.GetMemberTierAsync(TenantA, member, CancellationToken.None).ConfigureAwait(false);
        var version = await store.GetVersionAsync(TenantA, LoyaltyChangeSet.TierCounter(member), CancellationToken.None).ConfigureAwait(false);

        var repeat = new LoyaltyChangeSet
        {
            TierChanges = [new TierChange(TenantA, member, "bronze", "gold", TierChangeReason.Upgrade, Clock.GetCurrentInstant(), 0m, first.IdempotencyKey)],
            VersionChecks = [LoyaltyChangeSet.TierCheck(member, version, advance: true)],
        };
        var save = () => store.SaveAsync(TenantA, repeat, CancellationToken.None).AsTask();

        await save.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await tierStore.GetMemberTierAsync(TenantA, member, CancellationToken.None).ConfigureAwait(false)).Should().Be(state);
        (await store.GetVersionAsync(TenantA, LoyaltyChangeSet.TierCounter(member), CancellationToken.None).ConfigureAwait(false)).Should().Be(version);
        (await tierStore.FindTierChangeByKeyAsync(TenantA, first.IdempotencyKey, CancellationToken.None).ConfigureAwait(false)).Should().Be(first);
    }

    /// <summary>Forwards to a store, running <c>interleave</c> once when a review looks up its key: after the review read its figures, before it saves.</summary>
    private sealed class InterleavingStore(ILoyaltyStore inner, Func<Task> interleave) : ILoyaltyStore, ILoyaltyTierStore
    {
        private readonly ILoyaltyTierStore _tiers = (ILoyaltyTierStore)inner;

        public bool Interleaved { get; private set; }

        public async ValueTask<TierChange?> FindTierChangeByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
        {
            if (!Interleaved)
            {
                Interleaved = true;
                await interleave().ConfigureAwait(false);
            }

            return await _tiers.FindTierChangeByKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false);
        }

        public ValueTask<MemberTier> GetMemberTierAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _tiers.GetMemberTierAsync(tenantId, contactId, cancellationToken);

        public ValueTask<Page<TierChange>> ListTierChangesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => _tiers.ListTierChangesAsync(tenantId, contactId, page, cancellationToken);

        public ValueTask<Page<MemberTier>> ListMembersByTierAsync(TenantId tenantId, string tierId, PageRequest page, CancellationToken cancellationToken) => _tiers.ListMembersByTierAsync(tenantId, tierId, page, cancellationToken);

        public ValueTask<LoyaltyAccount> GetAccountAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => inner.GetAccountAsync(tenantId, contactId, cancellationToken);

        public ValueTask<Crm.Loyalty.Ledger.LedgerEntry?> FindEntryByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => inner.FindEntryByKeyAsync(tenantId, key, cancellationToken);

        public ValueTask<Crm.Loyalty.Ledger.LedgerEntry?> FindEntryAsync(TenantId tenantId, Crm.Loyalty.Ledger.LedgerEntryId entryId, CancellationToken cancellationToken) => inner.FindEntryAsync(tenantId, entryId, cancellationToken);

        public ValueTask<IReadOnlyList<Crm.Loyalty.Ledger.LedgerEntry>> ListReversalsAsync(TenantId tenantId, Crm.Loyalty.Ledger.LedgerEntryId entryId, CancellationToken cancellationToken) => inner.ListReversalsAsync(tenantId, entryId, cancellationToken);

        public ValueTask<IReadOnlyList<Crm.Loyalty.Ledger.LotAllocation>> ListAllocationsAsync(TenantId tenantId, Crm.Loyalty.Ledger.LedgerEntryId entryId, CancellationToken cancellationToken) => inner.ListAllocationsAsync(tenantId, entryId, cancellationToken);

        public ValueTask<IReadOnlyList<Crm.Loyalty.Ledger.LotBalance>> ListLotsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => inner.ListLotsAsync(tenantId, contactId, cancellationToken);

        public ValueTask<Page<Crm.Loyalty.Ledger.LedgerEntry>> ListEntriesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => inner.ListEntriesAsync(tenantId, contactId, page, cancellationToken);

        public ValueTask<long> SumEarnedAsync(TenantId tenantId, ContactId contactId, Instant from, Instant to, CancellationToken cancellationToken) => inner.SumEarnedAsync(tenantId, contactId, from, to, cancellationToken);

        public ValueTask<long> CountRewardRedemptionsAsync(TenantId tenantId, string rewardId, ContactId? contactId, CancellationToken cancellationToken) => inner.CountRewardRedemptionsAsync(tenantId, rewardId, contactId, cancellationToken);

        public ValueTask<IReadOnlyList<Crm.Loyalty.Members.MemberPoints>> ListTopEarnersAsync(TenantId tenantId, Instant from, Instant to, int count, CancellationToken cancellationToken) => inner.ListTopEarnersAsync(tenantId, from, to, count, cancellationToken);

        public ValueTask SaveAsync(TenantId tenantId, LoyaltyChangeSet changes, CancellationToken cancellationToken) => inner.SaveAsync(tenantId, changes, cancellationToken);

        public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => inner.GetVersionAsync(tenantId, counter, cancellationToken);
    }
}
