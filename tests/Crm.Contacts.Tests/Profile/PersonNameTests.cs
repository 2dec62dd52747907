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

    [Theory] // the surrogate is built in code: xunit cannot serialize a lone surrogate in theory data
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void DisplayName_WithALoneSurrogate_ThrowsNamingTheField(int surrogate)
        => FluentActions.Invoking(() => new PersonName("Ann " + (char)surrogate + " Lee")).Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "displayName" && e.Message.StartsWith("PersonName.DisplayName must be well-formed Unicode text", StringComparison.Ordinal));

    [Fact]
    public void GivenName_WithALoneSurrogate_ThrowsNamingTheField()
        => FluentActions.Invoking(() => new PersonName("Ann", givenName: "\uDBFFx")).Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "givenName" && e.Message.Contains("PersonName.GivenName", StringComparison.Ordinal));

    [Theory]
    [InlineData("\u200B")]
    [InlineData(" \u200B\u200D\uFEFF ")]
    public void DisplayName_OnlyInvisibleCharacters_IsRejectedAsEmpty(string displayName)
        => FluentActions.Invoking(() => new PersonName(displayName)).Should().Throw<ArgumentException>().WithMessage("PersonName.DisplayName must not be empty*");

    [Fact]
    public void DisplayName_WithAValidSurrogatePair_IsKept()
        => new PersonName("Ann \U0001F600").DisplayName.Should().Be("Ann \U0001F600");
}
