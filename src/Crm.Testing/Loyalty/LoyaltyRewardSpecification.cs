using Crm.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Rewards;
using Crm.Loyalty.Storage;

namespace Crm.Testing.Loyalty;

/// <summary>The reward contract: the catalog's cost, stock and per-member limits, counted from the ledger and guarded atomically.</summary>
public abstract class LoyaltyRewardSpecification : LoyaltySpecificationBase<ILoyaltyStore>
{
    /// <summary>The store each parallel task uses; by default the same instance.</summary>
    protected virtual ILoyaltyStore StoreForTask(ILoyaltyStore shared) => shared;

    /// <summary>The reference program with a catalog: a coffee (50 points, 3 per member) and a limited bag (200 points, 5 units).</summary>
    protected override LoyaltyProgram CreateProgram() => base.CreateProgram() with
    {
        Rewards = [new Reward("coffee", 50) { PerMemberLimit = 3 }, new Reward("bag", 200) { Stock = 5 }],
    };

    /// <summary>Redeeming a reward debits its cost and records the reward on the entry.</summary>
    [Fact]
    public async Task Redeem_reward_debits_its_cost()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 120m)).ConfigureAwait(false);

        var entry = await manager.RedeemRewardAsync(TenantA, member, "coffee", NewKey()).ConfigureAwait(false);

        entry.Points.Should().Be(-50);
        entry.RewardId.Should().Be("coffee");
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(70);
    }

    /// <summary>An unknown reward is refused.</summary>
    [Fact]
    public async Task Unknown_reward_is_refused()
    {
        var manager = CreateManager(CreateStore());

        var act = () => manager.RedeemRewardAsync(TenantA, ContactId.New(), "yacht", NewKey());

        (await act.Should().ThrowAsync<UnknownRewardException>().ConfigureAwait(false)).Which.RewardId.Should().Be("yacht");
    }

    /// <summary>A member cannot redeem more units than the per-member limit; cancelling one frees the limit.</summary>
    [Fact]
    public async Task Per_member_limit_is_enforced_and_a_cancellation_frees_it()
    {
        var manager = CreateManager(CreateStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 1000m)).ConfigureAwait(false);
        var first = await manager.RedeemRewardAsync(TenantA, member, "coffee", NewKey()).ConfigureAwait(false);
        await manager.RedeemRewardAsync(TenantA, member, "coffee", NewKey()).ConfigureAwait(false);
        await manager.RedeemRewardAsync(TenantA, member, "coffee", NewKey()).ConfigureAwait(false);

        var fourth = () => manager.RedeemRewardAsync(TenantA, member, "coffee", NewKey());
        var refused = await fourth.Should().ThrowAsync<RewardUnavailableException>().ConfigureAwait(false);
        await manager.CancelRedemptionAsync(TenantA, member, first.Id).ConfigureAwait(false);
        await manager.RedeemRewardAsync(TenantA, member, "coffee", NewKey()).ConfigureAwait(false);

        refused.Which.Code.Should().Be(RewardUnavailableException.LimitReachedCode);
        (await manager.GetBalanceAsync(TenantA, member).ConfigureAwait(false)).Available.Should().Be(850);
    }

    /// <summary>Of parallel redemptions by many members of a reward with 5 units left, exactly 5 succeed.</summary>
    [Fact]
    public async Task Parallel_redemptions_never_oversell_the_stock()
    {
        var store = CreateStore();
        var members = Enumerable.Range(0, 12).Select(_ => ContactId.New()).ToList();
        var setup = CreateManager(store);
        foreach (var member in members)
        {
            await setup.AccruePurchaseAsync(TenantA, member, PurchaseOf($"o-{member}", 500m)).ConfigureAwait(false);
        }

        var outcomes = await Task.WhenAll(members.Select(member => Task.Run(async () =>
        {
            try
            {
                await CreateManager(StoreForTask(store)).RedeemRewardAsync(TenantA, member, "bag", NewKey()).ConfigureAwait(false);
                return true;
            }
            catch (RewardUnavailableException e) when (e.IsOutOfStock)
            {
                return false;
            }
        }))).ConfigureAwait(false);

        outcomes.Count(o => o).Should().Be(5);
        (await store.CountRewardRedemptionsAsync(TenantA, "bag", null, CancellationToken.None).ConfigureAwait(false)).Should().Be(5);
        var balances = await Task.WhenAll(members.Select(m => setup.GetBalanceAsync(TenantA, m))).ConfigureAwait(false);
        balances.Count(b => b.Available == 300).Should().Be(5, "exactly the winners paid");
    }

    /// <summary>A redemption the member cannot pay is refused and takes no unit of stock.</summary>
    [Fact]
    public async Task Unaffordable_reward_is_refused_and_keeps_its_stock()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(TenantA, member, PurchaseOf("o-1", 150m)).ConfigureAwait(false);

        var act = () => manager.RedeemRewardAsync(TenantA, member, "bag", NewKey());

        await act.Should().ThrowAsync<InsufficientPointsException>().ConfigureAwait(false);
        (await store.CountRewardRedemptionsAsync(TenantA, "bag", null, CancellationToken.None).ConfigureAwait(false)).Should().Be(0);
    }
}
