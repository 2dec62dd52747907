using Crm.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;

namespace Crm.Testing.Loyalty;

/// <summary>The concurrency contract of a loyalty store: the balance version makes a debit atomic and the idempotency key makes a repeat harmless, also when the commands race.</summary>
/// <remarks>The store is shared by parallel managers as a host's DI container would share it (a database store: one instance per task).</remarks>
public abstract class LoyaltyConcurrencySpecification : LoyaltySpecificationBase<ILoyaltyStore>
{
    /// <summary>How many redemptions race in <see cref="Parallel_redemptions_never_overdraw_and_lose_no_entry"/>.</summary>
    protected virtual int ParallelRedemptions => 32;

    /// <summary>The store each parallel task uses; by default the same instance (override for stores that are one per unit of work).</summary>
    protected virtual ILoyaltyStore StoreForTask(ILoyaltyStore shared) => shared;

    /// <summary>Of 32 parallel redemptions of 10 points against 100, exactly 10 succeed, the others throw and write nothing.</summary>
    [Fact]
    public async Task Parallel_redemptions_never_overdraw_and_lose_no_entry()
    {
        var store = CreateStore();
        var member = ContactId.New();
        await CreateManager(store).AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 100m)).ConfigureAwait(false);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, ParallelRedemptions).Select(i => Task.Run(async () =>
        {
            try
            {
                return await CreateManager(StoreForTask(store)).RedeemAsync(TenantA, member, 10, new IdempotencyKey($"race-{i}")).ConfigureAwait(false);
            }
            catch (InsufficientPointsException)
            {
                return null;
            }
        }))).ConfigureAwait(false);

        var manager = CreateManager(store);
        outcomes.Count(o => o is not null).Should().Be(10, "exactly the redemptions that fit succeed");
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Should().Match<PointsBalance>(b => b.Available == 0 && b.Total == 0 && b.Debt == 0);
        var entries = await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false);
        entries.Where(e => e.Kind == LedgerEntryKind.Redeem).Select(e => e.Id).Should().BeEquivalentTo(outcomes.Where(o => o is not null).Select(o => o!.Id), "no entry is lost");
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>The same accrual retried 10 times in parallel is applied once, and every retry returns that entry.</summary>
    [Fact]
    public async Task Same_accrual_retried_in_parallel_is_applied_once()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var purchase = PurchaseOf("o-1", 25m);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => CreateManager(StoreForTask(store)).AccruePurchaseAsync(TenantA, member, purchase)))).ConfigureAwait(false);

        results.Select(r => r!.Id).Distinct().Should().ContainSingle();
        var manager = CreateManager(store);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(25);
        (await AllEntriesAsync(manager, TenantA, member).ConfigureAwait(false)).Should().ContainSingle();
    }

    /// <summary>Expiry run in parallel with itself expires each lot once.</summary>
    [Fact]
    public async Task Parallel_expiry_runs_expire_each_lot_once()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var manager = CreateManager(store);
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-2", 20m)).ConfigureAwait(false);
        Clock.Advance(NodaTime.Duration.FromDays(400));

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => CreateManager(StoreForTask(store)).ExpireAsync(TenantA, member)))).ConfigureAwait(false);

        runs.Sum(r => r.Count).Should().Be(2);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(0);
        await AssertReconcilesAsync(manager, TenantA, member).ConfigureAwait(false);
    }

    /// <summary>A change set computed against a stale balance version writes nothing.</summary>
    [Fact]
    public async Task Stale_balance_version_writes_nothing()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var manager = CreateManager(store);
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var account = await store.GetAccountAsync(TenantA, member, CancellationToken.None).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, member, 1, NewKey()).ConfigureAwait(false);

        var stale = new LedgerEntry(TenantA, LedgerEntryId.New(), member, LedgerEntryKind.Redeem, -9, Clock.GetCurrentInstant(), "stale-redeem");
        var act = async () => await store.SaveAsync(TenantA, new LoyaltyChangeSet
        {
            Entries = [stale],
            Allocations = [new LotAllocation(account.OpenLots[0].Lot.Id, stale.Id, 9)],
            VersionChecks = [LoyaltyChangeSet.BalanceCheck(member, account.Version)],
        }, CancellationToken.None).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindEntryByKeyAsync(TenantA, "stale-redeem", CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(9);
    }

    /// <summary>A change set that repeats a recorded key writes nothing, not even its other entries.</summary>
    [Fact]
    public async Task Duplicate_key_writes_nothing()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var manager = CreateManager(store);
        var first = await manager.AdjustAsync(TenantA, member, 5, "gift", new IdempotencyKey("k1")).ConfigureAwait(false);
        var version = (await store.GetAccountAsync(TenantA, member, CancellationToken.None).ConfigureAwait(false)).Version;

        var fresh = new LedgerEntry(TenantA, LedgerEntryId.New(), member, LedgerEntryKind.Adjust, 1, Clock.GetCurrentInstant(), "fresh-key");
        var repeat = new LedgerEntry(TenantA, LedgerEntryId.New(), member, LedgerEntryKind.Adjust, 1, Clock.GetCurrentInstant(), first.IdempotencyKey);
        var act = async () => await store.SaveAsync(TenantA, new LoyaltyChangeSet
        {
            Entries = [fresh, repeat],
            LotsCreated = [new PointsLot(fresh.Id, member, 1, fresh.RecordedAt, fresh.RecordedAt, null), new PointsLot(repeat.Id, member, 1, repeat.RecordedAt, repeat.RecordedAt, null)],
            VersionChecks = [LoyaltyChangeSet.BalanceCheck(member, version)],
        }, CancellationToken.None).ConfigureAwait(false);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which.Entity.Should().Be("idempotency key");
        (await store.FindEntryByKeyAsync(TenantA, "fresh-key", CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Total.Should().Be(5);
    }

    /// <summary>A change set that would overdraw a lot writes nothing, even with a current version.</summary>
    [Fact]
    public async Task Overdrawing_a_lot_writes_nothing()
    {
        var store = CreateStore();
        var member = ContactId.New();
        var manager = CreateManager(store);
        var earned = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var version = (await store.GetAccountAsync(TenantA, member, CancellationToken.None).ConfigureAwait(false)).Version;

        var greedy = new LedgerEntry(TenantA, LedgerEntryId.New(), member, LedgerEntryKind.Redeem, -11, Clock.GetCurrentInstant(), "greedy");
        var act = async () => await store.SaveAsync(TenantA, new LoyaltyChangeSet
        {
            Entries = [greedy],
            Allocations = [new LotAllocation(earned!.Id, greedy.Id, 11)],
            VersionChecks = [LoyaltyChangeSet.BalanceCheck(member, version)],
        }, CancellationToken.None).ConfigureAwait(false);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which.Entity.Should().Be("points lot");
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(10);
    }
}
