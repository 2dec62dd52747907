using Crm.Contacts.Profile;

namespace Crm.Contacts.Tests.Profile;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("PT-br", "pt-BR")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    public void Parse_CanonicalizesCasing(string input, string expected)
        => LanguageTag.Parse(input).Value.Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("english")]
    [InlineData("xx-YY")]
    [InlineData("en_US")]
    [InlineData("en US")]
    public void Parse_Unknown_ThrowsNamingTheRule(string input)
    {
        FluentActions.Invoking(() => LanguageTag.Parse(input)).Should().Throw<ArgumentException>().WithMessage("*BCP-47*");
        LanguageTag.TryParse(input, out _).Should().BeFalse();
    }

    [Fact]
    public void ToCultureInfo_ReturnsTheCulture()
        => LanguageTag.Parse("fr-CA").ToCultureInfo().Name.Should().Be("fr-CA");
}
