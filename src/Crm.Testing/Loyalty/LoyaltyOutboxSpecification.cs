using Crm.Loyalty.Events;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>The outbox contract of a loyalty store: each command's events are written in the same atomic save as its entries, and a failed command writes none.</summary>
/// <typeparam name="TStore">A loyalty store with an outbox.</typeparam>
public abstract class LoyaltyOutboxSpecification<TStore> : LoyaltySpecificationBase<TStore>
    where TStore : class, ILoyaltyStore, IOutboxStore
{
    private async Task<IReadOnlyList<Crm.Events.CrmEvent>> ClaimAllAsync(TStore store)
    {
        var now = Clock.GetCurrentInstant();
        var messages = await store.ClaimAsync(1000, now, now + Duration.FromMinutes(5), CancellationToken.None).ConfigureAwait(false);
        return messages.Select(m => m.Event).ToList();
    }

    /// <summary>Earning, redemption, expiry, refund and adjustment each write their event with the entry's id.</summary>
    [Fact]
    public async Task Every_ledger_command_writes_its_event_with_the_entry()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var member = ContactId.New();

        var earned = await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var redeemed = await manager.RedeemAsync(TenantA, member, 4, NewKey()).ConfigureAwait(false);
        var adjusted = await manager.AdjustAsync(TenantA, member, 2, "gift", NewKey()).ConfigureAwait(false);
        var reversed = await manager.RefundAsync(TenantA, member, new Crm.Loyalty.Program.PurchaseRefund("o-1", "r-1")).ConfigureAwait(false);
        Clock.Advance(Duration.FromDays(400));
        var expired = await manager.ExpireAsync(TenantA, member).ConfigureAwait(false);

        var events = await ClaimAllAsync(store).ConfigureAwait(false);
        events.OfType<PointsEarned>().Should().ContainSingle().Which.EntryId.Should().Be(earned!.Id);
        events.OfType<PointsRedeemed>().Should().ContainSingle().Which.Should().Match<PointsRedeemed>(e => e.EntryId == redeemed.Id && e.Points == 4);
        events.OfType<PointsAdjusted>().Should().ContainSingle().Which.EntryId.Should().Be(adjusted.Id);
        events.OfType<PointsReversed>().Should().ContainSingle().Which.ReversedEntryId.Should().Be(earned.Id);
        events.OfType<PointsExpired>().Select(e => e.EntryId).Should().BeEquivalentTo(expired.Select(e => e.Id));
        events.Should().OnlyContain(e => e.TenantId == TenantA && !e.EventId.IsEmpty);
    }

    /// <summary>A refused redemption and a repeated accrual write no event.</summary>
    [Fact]
    public async Task Failed_or_repeated_commands_write_no_event()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 10m)).ConfigureAwait(false);
        var refused = () => manager.RedeemAsync(TenantA, member, 11, NewKey());
        await refused.Should().ThrowAsync<Crm.Loyalty.Ledger.InsufficientPointsException>().ConfigureAwait(false);

        (await ClaimAllAsync(store).ConfigureAwait(false)).Should().ContainSingle().Which.Should().BeOfType<PointsEarned>();
    }
}
