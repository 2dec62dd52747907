using Crm.Contacts.Lifecycle;
using static Crm.Contacts.Lifecycle.LifecycleStage;

namespace Crm.Contacts.Tests.Lifecycle;

public sealed class LifecycleRulesTests
{
    /// <summary>The documented table, written out independently of the implementation.</summary>
    private static readonly HashSet<(LifecycleStage From, LifecycleStage To)> Legal =
    [
        (Lead, Prospect), (Lead, Customer), (Lead, RepeatCustomer), (Lead, Advocate),
        (Prospect, Customer), (Prospect, RepeatCustomer), (Prospect, Advocate),
        (Customer, RepeatCustomer), (Customer, Advocate), (Customer, Churned),
        (RepeatCustomer, Advocate), (RepeatCustomer, Churned),
        (Advocate, Churned),
        (Churned, Reactivated),
        (Reactivated, RepeatCustomer), (Reactivated, Advocate), (Reactivated, Churned),
    ];

    public static TheoryData<LifecycleStage, LifecycleStage, bool> EveryPair()
    {
        var data = new TheoryData<LifecycleStage, LifecycleStage, bool>();
        foreach (var from in Enum.GetValues<LifecycleStage>())
        {
            foreach (var to in Enum.GetValues<LifecycleStage>())
            {
                data.Add(from, to, Legal.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void IsAllowed_MatchesTheDocumentedTable(LifecycleStage from, LifecycleStage to, bool legal)
        => LifecycleRules.IsAllowed(from, to).Should().Be(legal);

    [Fact]
    public void AllowedTargets_ListsTheLegalMoves()
    {
        LifecycleRules.AllowedTargets(Churned).Should().Equal(Reactivated);
        LifecycleRules.AllowedTargets(Reactivated).Should().Equal(RepeatCustomer, Advocate, Churned);
        LifecycleRules.AllowedTargets(Lead).Should().Equal(Prospect, Customer, RepeatCustomer, Advocate);
    }

    [Fact]
    public void UndefinedStages_AreNeverAllowed()
    {
        LifecycleRules.IsAllowed((LifecycleStage)99, Lead).Should().BeFalse();
        LifecycleRules.IsAllowed(Lead, (LifecycleStage)99).Should().BeFalse();
    }

    [Theory]
    [InlineData(Lead, true)]
    [InlineData(Prospect, true)]
    [InlineData(Customer, true)]
    [InlineData(RepeatCustomer, true)]
    [InlineData(Advocate, true)]
    [InlineData(Churned, false)]
    [InlineData(Reactivated, false)]
    public void IsValidInitialStage(LifecycleStage stage, bool valid)
        => LifecycleRules.IsValidInitialStage(stage).Should().Be(valid);

    [Fact]
    public void Exception_NamesFromAndTo_AndTheAllowedMoves()
    {
        var ex = new IllegalLifecycleTransitionException(ContactId.New(), Churned, Customer);
        ex.Message.Should().Contain("from lifecycle stage Churned to Customer").And.Contain("allowed from Churned: Reactivated");
        ex.Code.Should().Be("crm.illegal_lifecycle_transition");
        ex.Should().BeAssignableTo<CrmException>();
    }
}
