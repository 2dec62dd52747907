using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>The member-merge contract of a loyalty store: the absorbed member's entries, lots, allocations and keys move to the survivor, both ledgers still reconcile, and a replay pays nothing twice.</summary>
/// <typeparam name="TStore">A loyalty store with the merge capability and an outbox.</typeparam>
public abstract class LoyaltyMergeSpecification<TStore> : LoyaltySpecificationBase<TStore>
    where TStore : class, ILoyaltyStore, ILoyaltyMemberMergeStore, IOutboxStore
{
    /// <summary>The survivor holds both ledgers afterwards, every key still finds its entry, and merging again changes nothing.</summary>
    [Fact]
    public async Task Merging_moves_the_ledger_and_keys_to_the_survivor()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var (survivor, absorbed) = (ContactId.New(), ContactId.New());
        await manager.AccruePurchaseAsync(TenantA, survivor, PurchaseOf("s-1", 30m)).ConfigureAwait(false);
        var earned = await manager.AccruePurchaseAsync(TenantA, absorbed, PurchaseOf("a-1", 40m)).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, absorbed, 15, NewKey()).ConfigureAwait(false);
        await manager.RefundAsync(TenantA, absorbed, new Crm.Loyalty.Program.PurchaseRefund("a-1", "r-1", [new Crm.Loyalty.Program.RefundLine("1", new Money(10m, Eur))])).ConfigureAwait(false);

        (await manager.MergeMembersAsync(TenantA, survivor, [absorbed]).ConfigureAwait(false)).Should().Be(1);
        (await manager.MergeMembersAsync(TenantA, survivor, [absorbed]).ConfigureAwait(false)).Should().Be(0, "a redelivered merge changes nothing");

        var balance = await manager.GetBalanceAsync(TenantA, survivor).ConfigureAwait(false);
        balance.Total.Should().Be(30 + 40 - 15 - 10);
        await AssertReconcilesAsync(manager, TenantA, survivor).ConfigureAwait(false);
        (await manager.GetBalanceAsync(TenantA, absorbed).ConfigureAwait(false)).Total.Should().Be(0);
        (await AllEntriesAsync(manager, TenantA, absorbed).ConfigureAwait(false)).Should().BeEmpty();
        (await manager.GetLotsAsync(TenantA, survivor).ConfigureAwait(false)).Should().HaveCount(2);

        var resolved = await manager.ResolveMemberAsync(TenantA, absorbed).ConfigureAwait(false);
        resolved.Should().Be(survivor);
        var replay = await manager.AccruePurchaseAsync(TenantA, resolved, PurchaseOf("a-1", 40m)).ConfigureAwait(false);
        replay!.Id.Should().Be(earned!.Id, "the key moved with the entry");
        (await manager.GetBalanceAsync(TenantA, survivor).ConfigureAwait(false)).Total.Should().Be(balance.Total);

        var refundAgain = await manager.RefundAsync(TenantA, resolved, new Crm.Loyalty.Program.PurchaseRefund("a-1", "r-1", [new Crm.Loyalty.Program.RefundLine("1", new Money(10m, Eur))])).ConfigureAwait(false);
        refundAgain!.Points.Should().Be(-10);
        (await manager.GetBalanceAsync(TenantA, survivor).ConfigureAwait(false)).Total.Should().Be(balance.Total, "the refund's key moved too");

        var now = Clock.GetCurrentInstant();
        var events = await store.ClaimAsync(1000, now, now + Duration.FromMinutes(5), CancellationToken.None).ConfigureAwait(false);
        events.Select(m => m.Event).OfType<LedgerMerged>().Should().ContainSingle().Which.AbsorbedId.Should().Be(absorbed);
    }

    /// <summary>Commands after the merge spend the moved lots like the survivor's own, soonest-expiring first, and the survivor can spend the sum.</summary>
    [Fact]
    public async Task The_survivor_spends_the_moved_points()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var (survivor, absorbed) = (ContactId.New(), ContactId.New());
        await manager.AccruePurchaseAsync(TenantA, absorbed, PurchaseOf("a-1", 40m)).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(10));
        await manager.AccruePurchaseAsync(TenantA, survivor, PurchaseOf("s-1", 30m)).ConfigureAwait(false);
        await manager.MergeMembersAsync(TenantA, survivor, [absorbed]).ConfigureAwait(false);

        var redeemed = await manager.RedeemAsync(TenantA, survivor, 70, NewKey()).ConfigureAwait(false);

        redeemed.Points.Should().Be(-70);
        (await manager.GetBalanceAsync(TenantA, survivor).ConfigureAwait(false)).Total.Should().Be(0);
        var spend = () => manager.RedeemAsync(TenantA, survivor, 1, NewKey());
        await spend.Should().ThrowAsync<InsufficientPointsException>().ConfigureAwait(false);
        await AssertReconcilesAsync(manager, TenantA, survivor).ConfigureAwait(false);
    }
}
