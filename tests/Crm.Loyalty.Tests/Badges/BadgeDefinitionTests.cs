using Crm.Loyalty.Badges;
using Crm.Loyalty.Program;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using static Crm.Loyalty.Tests.TestSupport.Programs;
using static Crm.Loyalty.Tests.TestSupport.TestHost;

namespace Crm.Loyalty.Tests.Badges;

public sealed class BadgeDefinitionTests
{
    private static LoyaltyProgram With(params BadgeRule[] badges) => Basic() with { Badges = badges };

    [Fact]
    public void A_program_with_one_badge_of_each_kind_is_valid()
        => With(new PurchaseCountBadge("five-in-90", 5, 90) { Points = 100 }, new FirstReferralBadge("first-referral"), new MembershipAnniversaryBadge("one-year", 1), new PurchaseStreakBadge("three-months", 3) { Repeats = true })
            .Validate().Should().BeEmpty();

    [Theory]
    [InlineData(0, 90, "Badge 'b' (PurchaseCountBadge): Purchases must be at least 1 (was 0).")]
    [InlineData(5, 0, "Badge 'b' (PurchaseCountBadge): WindowDays must be at least 1 (was 0).")]
    public void A_purchase_count_badge_needs_a_count_and_a_window(int purchases, int days, string failure)
        => With(new PurchaseCountBadge("b", purchases, days)).Validate().Should().Equal(failure);

    [Fact]
    public void An_anniversary_of_zero_years_is_refused()
        => With(new MembershipAnniversaryBadge("b", 0)).Validate().Should().Equal("Badge 'b' (MembershipAnniversaryBadge): Years must be at least 1 (was 0).");

    [Fact]
    public void A_streak_of_one_month_is_refused()
        => With(new PurchaseStreakBadge("b", 1)).Validate().Should().Equal("Badge 'b' (PurchaseStreakBadge): Months must be at least 2 (was 1).");

    [Fact]
    public void Negative_points_are_refused()
        => With(new FirstReferralBadge("b") { Points = -1 }).Validate().Should().Equal("Badge 'b': Points must not be negative (was -1).");

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a:b")]
    [InlineData("0123456789012345678901234567890123456789x")]
    public void An_id_unusable_in_a_key_is_refused(string id)
        => With(new FirstReferralBadge(id)).Validate().Should().ContainSingle().Which.Should().Contain("Id must be 1 to 40 printable ASCII characters without spaces or ':'");

    [Fact]
    public void Duplicate_ids_are_refused()
        => With(new FirstReferralBadge("b"), new MembershipAnniversaryBadge("b", 1)).Validate().Should().Equal("Badge 'b': Id must be unique in LoyaltyProgram.Badges.");

    [Fact]
    public void A_null_badge_list_or_badge_is_refused()
    {
        (Basic() with { Badges = null! }).Validate().Should().ContainSingle().Which.Should().Contain("LoyaltyProgram.Badges must not be null");
        With([null!]).Validate().Should().ContainSingle().Which.Should().Contain("must not contain null");
    }

    [Fact]
    public void An_invalid_badge_fails_at_start_naming_the_rule()
    {
        using var provider = Build(s => s.AddCrm().AddLoyalty(o => o.Program = With(new PurchaseCountBadge("five-in-90", 5, 0))));

        var act = () => Start(provider);

        act.Should().Throw<OptionsValidationException>().WithMessage("*Badge 'five-in-90' (PurchaseCountBadge): WindowDays must be at least 1*");
    }

    [Fact]
    public async Task A_program_without_badges_evaluates_to_nothing()
    {
        var manager = Manager(Basic());

        (await manager.EvaluateBadgesAsync(new TenantId("t"), ContactId.New())).Should().BeEmpty();
        (await manager.GetBadgesAsync(new TenantId("t"), ContactId.New())).Should().BeEmpty();
    }
}
