using Crm.Interactions.FollowUps;
using NodaTime;

namespace Crm.Interactions.Tests.FollowUps;

public sealed class FollowUpOptionsTests
{
    [Fact]
    public void Validate_WithSensibleRules_FindsNothing()
    {
        var options = new InteractionOptions();
        options.FollowUps.ChainRules.Add(new FollowUpChainRule { Outcome = FollowUpOutcome.NoAnswer, BusinessDays = 2, Mode = FollowUpChainMode.Create });
        options.FollowUps.ChainRules.Add(new FollowUpChainRule { Outcome = FollowUpOutcome.ReferralAsked, Delay = Duration.FromDays(7) });

        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Validate_NamesEachBrokenRuleAndItsField()
    {
        var options = new FollowUpOptions();
        options.ChainRules.Add(new FollowUpChainRule { Outcome = FollowUpOutcome.NoAnswer, BusinessDays = 2, Delay = Duration.FromDays(1) });
        options.ChainRules.Add(new FollowUpChainRule { Outcome = FollowUpOutcome.NoAnswer, Delay = Duration.Zero, MaxAttempts = 1 });
        options.ChainRules.Add(new FollowUpChainRule { Outcome = (FollowUpOutcome)99, BusinessDays = 400, Reason = " " });

        var failures = options.Validate().ToList();

        failures.Should().Contain(f => f.StartsWith("FollowUpOptions.ChainRules[0] must set exactly one of Delay and BusinessDays", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("FollowUpOptions.ChainRules[1].Delay must be positive", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("FollowUpOptions.ChainRules[1].MaxAttempts", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("two rules for the outcome NoAnswer", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("FollowUpOptions.ChainRules[2].Outcome", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("FollowUpOptions.ChainRules[2].BusinessDays", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("FollowUpOptions.ChainRules[2].Reason", StringComparison.Ordinal));
    }
}
