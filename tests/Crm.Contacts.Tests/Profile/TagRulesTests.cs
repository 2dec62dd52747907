using Crm.Contacts.Profile;

namespace Crm.Contacts.Tests.Profile;

public sealed class TagRulesTests
{
    [Fact]
    public void Normalize_TrimsAndCollapsesWhiteSpace()
        => TagRules.Normalize("  big   spender\t2025 ", "tagName").Should().Be("big spender 2025");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_Empty_Throws(string tag)
        => FluentActions.Invoking(() => TagRules.Normalize(tag, "tagName")).Should().Throw<ArgumentException>().WithMessage("Tag must not be empty*");

    [Fact]
    public void Normalize_TooLong_Throws()
        => FluentActions.Invoking(() => TagRules.Normalize(new string('x', 65), "tagName")).Should().Throw<ArgumentException>().WithMessage("*at most 64*");

    [Fact]
    public void Normalize_ControlCharacter_Throws()
        => FluentActions.Invoking(() => TagRules.Normalize("a\u0001b", "tagName")).Should().Throw<ArgumentException>().WithMessage("*control*");
}
