using Crm.Contacts.Profile;

namespace Crm.Contacts.Tests.Profile;

public sealed class PersonNameTests
{
    [Fact]
    public void DisplayName_IsRequired()
        => FluentActions.Invoking(() => new PersonName("  ")).Should().Throw<ArgumentException>().WithMessage("PersonName.DisplayName must not be empty*");

    [Fact]
    public void MononymAndNonWesternNames_NeedNoParts()
    {
        var name = new PersonName("山田太郎", sortName: "やまだたろう");
        name.GivenName.Should().BeNull();
        name.FamilyName.Should().BeNull();
        name.SortName.Should().Be("やまだたろう");
        new PersonName("Madonna").SortName.Should().Be("Madonna");
        new PersonName("Madonna").HasExplicitSortName.Should().BeFalse();
    }

    [Fact]
    public void Parts_AreTrimmed_AndEmptyOptionalPartsBecomeNull()
    {
        var name = new PersonName("  Ann Lee ", " Ann ", "  ");
        name.DisplayName.Should().Be("Ann Lee");
        name.GivenName.Should().Be("Ann");
        name.FamilyName.Should().BeNull();
    }

    [Fact]
    public void Parts_AreNfcNormalized()
        => new PersonName("Jose\u0301").DisplayName.Should().Be("José");

    [Fact]
    public void TooLong_OrControlCharacters_AreRejected()
    {
        FluentActions.Invoking(() => new PersonName(new string('a', 201))).Should().Throw<ArgumentException>().WithMessage("*at most 200*");
        FluentActions.Invoking(() => new PersonName("Ann\nLee")).Should().Throw<ArgumentException>().WithMessage("*control characters*");
    }

    [Fact]
    public void Equality_ComparesAllParts()
    {
        new PersonName("Ann Lee", "Ann").Should().Be(new PersonName("Ann Lee", "Ann"));
        new PersonName("Ann Lee", "Ann").Should().NotBe(new PersonName("Ann Lee"));
    }
}
