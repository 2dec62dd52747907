using Crm.Metrics.Service;
using NodaTime;

namespace Crm.Metrics.Tests.Service;

public sealed class CaseFactsTests
{
    private static readonly Instant Opened = Instant.FromUtc(2024, 5, 1, 9, 0);

    [Fact]
    public void Constructor_KeepsTheFacts()
    {
        var facts = new CaseFacts(Opened, Opened + Duration.FromMinutes(5), Opened + Duration.FromHours(2), 1, "billing");

        facts.WasAnswered.Should().BeTrue();
        facts.ResolvedAtFirstContact.Should().BeTrue();
        facts.Category.Should().Be("billing");
    }

    [Fact]
    public void Constructor_FirstResponseBeforeOpening_Throws()
    {
        var act = () => new CaseFacts(Opened, Opened - Duration.FromSeconds(1), null, null, "billing");

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "firstResponse");
    }

    [Fact]
    public void Constructor_ResolutionBeforeOpening_Throws()
    {
        var act = () => new CaseFacts(Opened, null, Opened - Duration.FromSeconds(1), null, "billing");

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "resolved");
    }

    [Fact]
    public void Constructor_ZeroContacts_Throws()
    {
        var act = () => new CaseFacts(Opened, null, Opened, 0, "billing");

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "contactsToResolve")
            .WithMessage("Contacts to resolve must be at least 1 (was 0).*");
    }

    [Fact]
    public void Constructor_ContactsForAnUnresolvedCase_Throws()
    {
        var act = () => new CaseFacts(Opened, null, null, 1, "billing");

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "contactsToResolve");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Constructor_EmptyCategory_Throws(string? category)
    {
        var act = () => new CaseFacts(Opened, null, null, null, category!);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "category");
    }

    [Fact]
    public void ResolvedCase_FromAFlag_RecordsOneOrMoreContacts()
    {
        CaseFacts.ResolvedCase(Opened, null, Opened, true, "x").ResolvedAtFirstContact.Should().BeTrue();
        CaseFacts.ResolvedCase(Opened, null, Opened, false, "x").ResolvedAtFirstContact.Should().BeFalse();
        CaseFacts.ResolvedCase(Opened, null, Opened, false, "x").ContactsToResolve.Should().Be(2);
    }
}
