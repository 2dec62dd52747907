using Crm.Contacts.Profile;

namespace Crm.Contacts.Tests.Profile;

public sealed class EmailAddressTests
{
    [Fact]
    public void Parse_WithoutDomain_ThrowsNamingTheRule()
    {
        var act = () => EmailAddress.Parse("ann@");
        act.Should().Throw<ArgumentException>().WithMessage("*must have a domain after the '@'*").And.ParamName.Should().Be("value");
    }

    [Fact]
    public void Parse_MessageNeverContainsTheAddress()
    {
        var act = () => EmailAddress.Parse("secret.person@localhost");
        act.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("secret.person");
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("   ", "must not be empty")]
    [InlineData("ann.example.com", "must contain an '@'")]
    [InlineData("a@b@example.com", "exactly one '@'")]
    [InlineData("@example.com", "local part of 1 to 64")]
    [InlineData(".ann@example.com", "starts or ends with a dot")]
    [InlineData("ann.@example.com", "starts or ends with a dot")]
    [InlineData("an..n@example.com", "two dots in a row")]
    [InlineData("an n@example.com", "must not contain spaces")]
    [InlineData("ann@localhost", "at least one dot")]
    [InlineData("ann@[192.168.0.1]", "not an IP literal")]
    [InlineData("ann@-example.com", "start or end with a hyphen")]
    [InlineData("ann@example..com", "1 to 63 characters")]
    [InlineData("ann@example.123", "not all digits")]
    [InlineData("ann@exa_mple.com", "letters, digits, hyphens")]
    public void Parse_InvalidAddress_ThrowsNamingTheRule(string input, string rule)
    {
        var act = () => EmailAddress.Parse(input);
        act.Should().Throw<ArgumentException>().WithMessage($"EmailAddress*{rule}*");
        EmailAddress.TryParse(input, out _).Should().BeFalse();
        EmailAddress.Validate(input).Should().Contain(rule);
    }

    [Fact]
    public void Parse_LocalPartLongerThan64_Throws()
    {
        var act = () => EmailAddress.Parse(new string('a', 65) + "@example.com");
        act.Should().Throw<ArgumentException>().WithMessage("*local part of 1 to 64*");
    }

    [Fact]
    public void Parse_LongerThan254_Throws()
    {
        var act = () => EmailAddress.Parse("a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".com");
        act.Should().Throw<ArgumentException>().WithMessage("*at most 254*");
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
        => FluentActions.Invoking(() => EmailAddress.Parse(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void Parse_TrimsAndLowerCasesTheDomainButKeepsTheLocalPartAndOriginal()
    {
        var email = EmailAddress.Parse("  Ann.Lee+news@Example.COM ");
        email.Address.Should().Be("Ann.Lee+news@example.com");
        email.NormalizedAddress.Should().Be("ann.lee+news@example.com");
        email.Original.Should().Be("  Ann.Lee+news@Example.COM ");
        email.Domain.Should().Be("example.com");
    }

    [Fact]
    public void Equality_IgnoresCaseOfLocalPartAndDomain()
    {
        EmailAddress.Parse("ANN@example.com").Should().Be(EmailAddress.Parse("ann@EXAMPLE.com"));
        (EmailAddress.Parse("ANN@example.com") == EmailAddress.Parse("ann@example.com")).Should().BeTrue();
        EmailAddress.Parse("ANN@example.com").GetHashCode().Should().Be(EmailAddress.Parse("ann@example.com").GetHashCode());
    }

    [Fact]
    public void Equality_KeepsDotsAndPlusTags_NoProviderSpecificRules()
    {
        EmailAddress.Parse("ann.lee@gmail.com").Should().NotBe(EmailAddress.Parse("annlee@gmail.com"));
        EmailAddress.Parse("ann+x@gmail.com").Should().NotBe(EmailAddress.Parse("ann@gmail.com"));
    }

    [Fact]
    public void Parse_InternationalizedDomain_ComparesByPunycode()
    {
        var email = EmailAddress.Parse("jose@BÜCHER.example");
        email.Address.Should().Be("jose@bücher.example");
        email.NormalizedAddress.Should().Be("jose@xn--bcher-kva.example");
        email.Should().Be(EmailAddress.Parse("jose@xn--bcher-kva.example"));
    }

    [Fact]
    public void Parse_UnicodeLocalPart_IsAccepted()
        => EmailAddress.Parse("josé@example.com").NormalizedAddress.Should().Be("josé@example.com");

    [Fact]
    public void Default_IsEmpty()
    {
        default(EmailAddress).IsEmpty.Should().BeTrue();
        default(EmailAddress).Address.Should().BeEmpty();
    }
}
