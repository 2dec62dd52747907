using Crm.Contacts;
using Crm.Loyalty.Badges;
using Crm.Loyalty.Events;
using Crm.Loyalty.InMemory;
using Crm.Loyalty.Referrals;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

using static Crm.Loyalty.Tests.TestSupport.Programs;
using static Crm.Loyalty.Tests.TestSupport.TestHost;

namespace Crm.Loyalty.Tests.Badges;

public sealed class FirstReferralBadgeTests
{
    private static readonly TenantId Tenant = new("badges");

    [Fact]
    public async Task The_referrer_is_awarded_the_badge_once_the_referral_reward_is_paid_and_the_referee_is_not()
    {
        var clock = CrmTestClock.Create();
        using var provider = Build(s =>
        {
            s.AddSingleton<IClock>(clock);
            s.AddCrm().AddContacts()
                .AddLoyalty(o => o.Program = Basic() with { Badges = [new FirstReferralBadge("first-referral") { Points = 30 }] })
                .AddLoyaltyReferralRewards(o => { o.ReferrerPoints = 100; o.RefereePoints = 50; o.ReturnWindow = Duration.FromDays(14); });
        });
        Start(provider);
        using var scope = provider.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var (referee, referrer) = ((await contacts.CreateAsync(Tenant, new ContactDraft())).Id, (await contacts.CreateAsync(Tenant, new ContactDraft())).Id);
        var referrals = scope.ServiceProvider.GetRequiredService<ReferralRewardManager>();
        var loyalty = scope.ServiceProvider.GetRequiredService<LoyaltyManager>();
        await referrals.AttributeAsync(Tenant, new ReferralClaim(referee, referrer, "claim"));
        await referrals.RecordPurchaseAsync(Tenant, referee, "purchase", "p-1", Euros(40m), clock.GetCurrentInstant());
        (await loyalty.EvaluateBadgesAsync(Tenant, referrer)).Should().BeEmpty("nothing is paid before the return window ends");

        clock.Advance(Duration.FromDays(15));
        await referrals.SettleReferralRewardsAsync(Tenant);
        var awarded = await loyalty.EvaluateBadgesAsync(Tenant, referrer);

        awarded.Should().ContainSingle().Which.BadgeId.Should().Be("first-referral");
        (await loyalty.EvaluateBadgesAsync(Tenant, referee)).Should().BeEmpty("the referee was paid as referee, not as referrer");
        (await loyalty.GetBalanceAsync(Tenant, referrer)).Total.Should().Be(130);
        var store = provider.GetRequiredService<InMemoryLoyaltyStore>();
        store.Outbox.Snapshot().Select(m => m.Event).OfType<BadgeAwarded>().Should().ContainSingle().Which.ContactId.Should().Be(referrer);
    }
}
