using Crm.Contacts.Lifecycle;
using NodaTime;

namespace Crm.Contacts.Tests.Lifecycle;

public sealed class LifecycleTransitionTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 1, 1, 0, 0);

    [Fact]
    public void Churned_RequiresAReason()
        => FluentActions.Invoking(() => new LifecycleTransition(LifecycleStage.Customer, LifecycleStage.Churned, At))
            .Should().Throw<ArgumentException>().WithMessage("A ChurnReason is required*");

    [Fact]
    public void OtherMoves_RefuseAReason()
        => FluentActions.Invoking(() => new LifecycleTransition(LifecycleStage.Lead, LifecycleStage.Customer, At, new ChurnReason("price")))
            .Should().Throw<ArgumentException>().WithMessage("*only recorded with a move to Churned*");

    [Fact]
    public void ChurnReason_CodeIsNormalized_NoteKeptButNotInToString()
    {
        var reason = new ChurnReason(" Price ", "Said our prices went up too much.");
        reason.Code.Should().Be("price");
        reason.Note.Should().Be("Said our prices went up too much.");
        reason.ToString().Should().Be("price");
    }

    [Theory]
    [InlineData("")]
    [InlineData("too expensive")]
    public void ChurnReason_BadCode_IsRejected(string code)
        => FluentActions.Invoking(() => new ChurnReason(code)).Should().Throw<ArgumentException>().WithMessage("ChurnReason.Code*");

    [Fact]
    public void ChurnReason_NoteTooLong_IsRejected()
        => FluentActions.Invoking(() => new ChurnReason("price", new string('n', 1001))).Should().Throw<ArgumentException>().WithMessage("ChurnReason.Note must be at most 1000*");
}
