using Crm.Loyalty.Program;
using Crm.Loyalty.Tiers;
using NodaTime;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Tiers;

public sealed class TierDefinitionTests
{
    private static LoyaltyProgram Tiered(TierWindow? window) => Basic() with
    {
        Tiers = [new LoyaltyTier("bronze", 0m), new LoyaltyTier("silver", 100m), new LoyaltyTier("gold", 500m)],
        TierQualification = TierQualification.PointsEarned,
        TierWindow = window,
        TierDowngrade = TierDowngradePolicy.OneStepDown,
    };

    [Fact]
    public void Tiered_program_is_valid() => Tiered(TierWindow.Rolling(Period.FromMonths(12))).Validate().Should().BeEmpty();

    [Fact]
    public void Rolling_window_of_zero_length_is_refused_with_a_clear_exception()
    {
        var program = Tiered(TierWindow.Rolling(Period.FromDays(0)));

        var validate = program.ThrowIfInvalid;

        validate.Should().Throw<LoyaltyProgramException>().Which.Failures.Should().ContainSingle().Which.Should().Contain("TierWindow.Length").And.Contain("zero length");
    }

    [Theory]
    [InlineData("PT12H")]
    [InlineData("P-1M")]
    public void Rolling_window_with_time_units_or_a_negative_length_is_refused(string length)
        => Tiered(TierWindow.Rolling(NodaTime.Text.PeriodPattern.Roundtrip.Parse(length).Value)).Validate().Should().ContainSingle().Which.Should().Contain("TierWindow.Length");

    [Fact]
    public void Rolling_window_without_a_length_is_refused()
        => Tiered(new TierWindow(TierWindowKind.Rolling)).Validate().Should().ContainSingle().Which.Should().Contain("TierWindow.Length must be set");

    [Fact]
    public void Calendar_window_with_a_length_is_refused()
        => Tiered(new TierWindow(TierWindowKind.CalendarYear, Period.FromDays(3))).Validate().Should().ContainSingle().Which.Should().Contain("rolling window only");

    [Fact]
    public void Tiers_without_a_window_are_refused()
        => Tiered(null).Validate().Should().ContainSingle().Which.Should().Contain("TierWindow must be set");

    [Fact]
    public void Tiers_without_a_qualification_are_refused()
        => (Tiered(TierWindow.CalendarYear) with { TierQualification = TierQualification.Unset }).Validate().Should().ContainSingle().Which.Should().Contain("TierQualification");

    [Fact]
    public void Thresholds_out_of_order_are_refused()
        => (Tiered(TierWindow.CalendarYear) with { Tiers = [new LoyaltyTier("gold", 500m), new LoyaltyTier("silver", 100m)] }).Validate().Should().ContainSingle().Which.Should().Contain("lowest first");

    [Fact]
    public void Equal_thresholds_are_refused()
        => (Tiered(TierWindow.CalendarYear) with { Tiers = [new LoyaltyTier("a", 100m), new LoyaltyTier("b", 100m)] }).Validate().Should().ContainSingle().Which.Should().Contain("must be above");

    [Fact]
    public void Negative_threshold_is_refused()
        => (Tiered(TierWindow.CalendarYear) with { Tiers = [new LoyaltyTier("a", -1m)] }).Validate().Should().ContainSingle().Which.Should().Contain("must not be negative");

    [Fact]
    public void Repeated_tier_id_is_refused()
        => (Tiered(TierWindow.CalendarYear) with { Tiers = [new LoyaltyTier("a", 1m), new LoyaltyTier("a", 2m)] }).Validate().Should().ContainSingle().Which.Should().Contain("unique");

    [Fact]
    public void Program_without_tiers_needs_no_window() => Basic().Validate().Should().BeEmpty();

    [Fact]
    public void A_tiered_program_without_a_downgrade_policy_is_refused()
        => (Tiered(TierWindow.CalendarYear) with { TierDowngrade = TierDowngradePolicy.Unset }).Validate().Should().ContainSingle().Which.Should().Contain("TierDowngrade");

    [Theory]
    [InlineData("PT1H")]
    [InlineData("P-1D")]
    public void A_grace_period_with_time_units_or_negative_is_refused(string grace)
        => (Tiered(TierWindow.CalendarYear) with { TierGracePeriod = NodaTime.Text.PeriodPattern.Roundtrip.Parse(grace).Value }).Validate().Should().ContainSingle().Which.Should().Contain("TierGracePeriod");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_tier_multiplier_that_is_not_positive_is_refused(int factor)
        => (Tiered(TierWindow.CalendarYear) with { Tiers = [new LoyaltyTier("bronze", 0m) { EarningMultiplier = factor }] }).Validate().Should().ContainSingle().Which.Should().Contain("EarningMultiplier");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_point_value_that_is_not_positive_is_refused(int value)
        => (Basic() with { PointValue = value }).Validate().Should().ContainSingle().Which.Should().Contain("PointValue");
}
