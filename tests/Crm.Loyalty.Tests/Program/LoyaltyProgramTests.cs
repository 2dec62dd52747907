using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Tests.TestSupport;
using NodaTime;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Program;

public sealed class LoyaltyProgramTests
{
    [Fact]
    public void Basic_program_is_valid() => Basic().Validate().Should().BeEmpty();

    [Fact]
    public void Rounding_left_unset_is_refused_naming_the_field()
        => (Basic() with { Rounding = PointsRounding.Unset }).Validate().Should().ContainSingle().Which.Should().Contain("Rounding");

    [Fact]
    public void Debt_policy_left_unset_is_refused_naming_the_field()
        => (Basic() with { DebtPolicy = DebtPolicy.Unset }).Validate().Should().ContainSingle().Which.Should().Contain("DebtPolicy");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_rate_is_refused(int rate)
        => (Basic() with { SpendRules = [new SpendRule("base", rate)] }).Validate().Should().ContainSingle().Which.Should().Contain("PointsPerUnit must be positive");

    [Fact]
    public void Negative_event_points_are_refused()
        => (Basic() with { EventRules = [new EventRule("signup", EarningEvent.SignUp, -5)] }).Validate().Should().ContainSingle().Which.Should().Contain("Points must be positive");

    [Fact]
    public void Program_ending_before_it_starts_is_refused()
        => (Basic() with { StartsOn = new LocalDate(2025, 6, 1), EndsOn = new LocalDate(2025, 5, 31) }).Validate().Should().ContainSingle().Which.Should().Contain("EndsOn");

    [Fact]
    public void Zero_month_expiry_is_refused()
        => (Basic() with { ExpiryMonths = 0 }).Validate().Should().ContainSingle().Which.Should().Contain("ExpiryMonths");

    [Fact]
    public void Negative_hold_is_refused()
        => (Basic() with { HoldPeriod = Duration.FromDays(-1) }).Validate().Should().ContainSingle().Which.Should().Contain("HoldPeriod");

    [Fact]
    public void Two_exclusive_rules_with_one_priority_are_ambiguous()
    {
        var program = Basic() with
        {
            SpendRules = [new SpendRule("a", 1m) { Stacking = RuleStacking.Exclusive, Priority = 5 }, new SpendRule("b", 2m) { Stacking = RuleStacking.Exclusive, Priority = 5 }],
        };

        program.Validate().Should().ContainSingle().Which.Should().Contain("ambiguous");
    }

    [Fact]
    public void Rule_ids_must_be_unique_across_kinds()
        => (Basic() with { Multipliers = [new PointsMultiplier("base", 2m)] }).Validate().Should().ContainSingle().Which.Should().Contain("used twice");

    [Fact]
    public void Zero_cap_is_refused()
        => (Basic() with { Caps = [new EarningCap(CapPeriod.Day, 0)] }).Validate().Should().ContainSingle().Which.Should().Contain("MaxPoints");

    [Fact]
    public void Reward_without_a_positive_cost_is_refused()
        => (Basic() with { Rewards = [new Crm.Loyalty.Rewards.Reward("coffee", 0)] }).Validate().Should().ContainSingle().Which.Should().Contain("PointCost");

    [Fact]
    public void Reward_ids_must_be_unique()
        => (Basic() with { Rewards = [new Crm.Loyalty.Rewards.Reward("coffee", 5), new Crm.Loyalty.Rewards.Reward("coffee", 6)] }).Validate().Should().ContainSingle().Which.Should().Contain("repeats");

    [Fact]
    public void ThrowIfInvalid_lists_every_failure()
    {
        var act = () => (Basic() with { Rounding = PointsRounding.Unset, DebtPolicy = DebtPolicy.Unset }).ThrowIfInvalid();

        act.Should().Throw<LoyaltyProgramException>().Which.Failures.Should().HaveCount(2);
    }

    [Fact]
    public void Manager_refuses_an_invalid_program()
    {
        var act = () => Manager(Basic() with { Rounding = PointsRounding.Unset });

        act.Should().Throw<LoyaltyProgramException>().Which.Code.Should().Be(LoyaltyProgramException.ErrorCode);
    }
}
