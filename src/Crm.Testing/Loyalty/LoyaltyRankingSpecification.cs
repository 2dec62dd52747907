using Crm.Loyalty;
using Crm.Loyalty.Members;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>The ranking contract of a loyalty store (<see cref="ILoyaltyRankingStore"/>): members ranked on points earned, money spent or profit in a window, net of refunds and cancelled redemptions, paged best first.</summary>
public abstract class LoyaltyRankingSpecification : LoyaltySpecificationBase<ILoyaltyStore>
{
    /// <summary>The reference program with a point worth €0.10.</summary>
    protected LoyaltyProgram Priced() => CreateProgram() with { PointValue = 0.1m };

    private async Task<(LoyaltyManager Manager, ContactId Ada, ContactId Ben, ContactId Cy)> ArrangeAsync()
    {
        var manager = CreateManager(CreateStore(), Priced());
        var (ada, ben, cy) = (ContactId.New(), ContactId.New(), ContactId.New());

        // Ada: €300, €50.50 of it refunded, redeems 200 points (profit 249.50 − 20 = 229.50).
        await manager.AccruePurchaseAsync(TenantA, ada, PurchaseOf("a-1", 300m)).ConfigureAwait(false);
        await manager.RefundAsync(TenantA, ada, new PurchaseRefund("a-1", "r-1", [new RefundLine("1", new Money(50.50m, Eur))])).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, ada, 200, NewKey()).ConfigureAwait(false);

        // Ben: €240 and a 500-point gift, redeems 400 points then cancels 100 of them (profit 240 − 30 = 210).
        await manager.AccruePurchaseAsync(TenantA, ben, PurchaseOf("b-1", 240m)).ConfigureAwait(false);
        await manager.AdjustAsync(TenantA, ben, 500, "gift", NewKey()).ConfigureAwait(false);
        await manager.RedeemAsync(TenantA, ben, 300, NewKey()).ConfigureAwait(false);
        var cancelled = await manager.RedeemAsync(TenantA, ben, 100, NewKey()).ConfigureAwait(false);
        await manager.CancelRedemptionAsync(TenantA, ben, cancelled.Id).ConfigureAwait(false);

        // Cy: €260, no redemption (profit 260).
        await manager.AccruePurchaseAsync(TenantA, cy, PurchaseOf("c-1", 260m)).ConfigureAwait(false);

        // Another tenant's big spender never shows.
        await manager.AccruePurchaseAsync(TenantB, ContactId.New(), PurchaseOf("x-1", 9_000m)).ConfigureAwait(false);
        return (manager, ada, ben, cy);
    }

    private static Instant From => Instant.FromUtc(2000, 1, 1, 0, 0);

    /// <summary>Money spent is net of refunds, points earned net of clawbacks; gifts and the balance never count.</summary>
    [Fact]
    public async Task Members_rank_on_money_spent_and_points_earned_net_of_refunds()
    {
        var (manager, ada, ben, cy) = await ArrangeAsync().ConfigureAwait(false);
        var to = Clock.GetCurrentInstant();

        var spent = (await manager.GetRankedMembersAsync(TenantA, MemberRanking.MoneySpent, From, to, new PageRequest(10, null)).ConfigureAwait(false)).Items;
        var earned = (await manager.GetRankedMembersAsync(TenantA, MemberRanking.PointsEarned, From, to, new PageRequest(10, null)).ConfigureAwait(false)).Items;

        spent.Select(m => (m.ContactId, m.MoneySpent)).Should().Equal((cy, 260m), (ada, 249.50m), (ben, 240m));
        earned.Select(m => (m.ContactId, m.PointsEarned)).Should().Equal((cy, 260L), (ada, 250L), (ben, 240L));
    }

    /// <summary>Profit is money spent minus the money value of the points redeemed, net of cancelled redemptions.</summary>
    [Fact]
    public async Task Most_profitable_members_subtract_the_value_of_points_redeemed()
    {
        var (manager, ada, ben, cy) = await ArrangeAsync().ConfigureAwait(false);

        var ranked = (await manager.GetRankedMembersAsync(TenantA, MemberRanking.Profit, From, Clock.GetCurrentInstant(), new PageRequest(10, null)).ConfigureAwait(false)).Items;

        ranked.Select(m => m.ContactId).Should().Equal(cy, ada, ben);
        ranked.Single(m => m.ContactId == ada).Should().Be(new MemberActivity(ada, 250, 249.50m, 200, 229.50m));
        ranked.Single(m => m.ContactId == ben).Should().Be(new MemberActivity(ben, 240, 240m, 300, 210m));
    }

    /// <summary>Pages follow each other with no member twice, and the window's end is exclusive.</summary>
    [Fact]
    public async Task Rankings_page_best_first_and_respect_the_window()
    {
        var (manager, ada, ben, cy) = await ArrangeAsync().ConfigureAwait(false);
        var to = Clock.GetCurrentInstant();

        var first = await manager.GetRankedMembersAsync(TenantA, MemberRanking.Profit, From, to, new PageRequest(2, null)).ConfigureAwait(false);
        var second = await manager.GetRankedMembersAsync(TenantA, MemberRanking.Profit, From, to, new PageRequest(2, first.NextCursor)).ConfigureAwait(false);
        var before = await manager.GetRankedMembersAsync(TenantA, MemberRanking.Profit, From, From + Duration.FromDays(1), new PageRequest(10, null)).ConfigureAwait(false);

        first.Items.Select(m => m.ContactId).Concat(second.Items.Select(m => m.ContactId)).Should().Equal(cy, ada, ben);
        second.NextCursor.Should().BeNull();
        before.Items.Should().BeEmpty();
    }

    /// <summary>The top share rounds the number of members up: the top 50 % of 3 active members is 2.</summary>
    [Fact]
    public async Task Top_share_takes_the_rounded_up_fraction_of_active_members()
    {
        var (manager, ada, _, cy) = await ArrangeAsync().ConfigureAwait(false);

        var top = new List<MemberActivity>();
        await foreach (var member in manager.GetTopShareAsync(TenantA, MemberRanking.MoneySpent, From, Clock.GetCurrentInstant(), 0.5m).ConfigureAwait(false))
        {
            top.Add(member);
        }

        top.Select(m => m.ContactId).Should().Equal(cy, ada);
    }
}
