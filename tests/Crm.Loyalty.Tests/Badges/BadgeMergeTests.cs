using Crm.Loyalty.Badges;
using Crm.Loyalty.InMemory;
using Crm.Testing;
using NodaTime;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Badges;

public sealed class BadgeMergeTests
{
    private static readonly TenantId Tenant = new("badge-merges");

    [Fact]
    public async Task A_survivor_holds_a_badge_paid_to_the_member_it_absorbed_without_being_paid_again()
    {
        var clock = CrmTestClock.Create();
        var manager = Manager(Basic() with { Badges = [new PurchaseCountBadge("two-in-30", 2, 30) { Points = 40 }] }, clock, new InMemoryLoyaltyStore());
        var (survivor, absorbed) = (ContactId.New(), ContactId.New());
        await manager.AccruePurchaseAsync(Tenant, absorbed, OneLine(10m, clock.GetCurrentInstant(), "a-1"));
        await manager.AccruePurchaseAsync(Tenant, absorbed, OneLine(10m, clock.GetCurrentInstant(), "a-2"));
        var paid = (await manager.EvaluateBadgesAsync(Tenant, absorbed)).Should().ContainSingle().Subject;
        await manager.AccruePurchaseAsync(Tenant, survivor, OneLine(10m, clock.GetCurrentInstant(), "s-1"));

        await manager.MergeMembersAsync(Tenant, survivor, [absorbed]);
        var awarded = await manager.EvaluateBadgesAsync(Tenant, survivor);

        var badge = awarded.Should().ContainSingle().Subject;
        (badge.Key, badge.EntryId, badge.Points).Should().Be(("badge:two-in-30", paid.EntryId, 40L));
        (await manager.GetBalanceAsync(Tenant, survivor)).Total.Should().Be(70, "three purchases of 10 points and one award of 40");
        (await manager.EvaluateBadgesAsync(Tenant, survivor)).Should().BeEmpty();
    }
}
