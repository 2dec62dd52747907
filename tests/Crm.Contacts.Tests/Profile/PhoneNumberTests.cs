using Crm.Contacts.Profile;

namespace Crm.Contacts.Tests.Profile;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+44 20 7946 0018", null, "+442079460018")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    [InlineData("0044 20 7946 0018", "FR", "+442079460018")]
    [InlineData("+81 3-1234-5678", null, "+81312345678")]
    public void Parse_NormalizesToE164(string input, string? region, string e164)
    {
        var phone = PhoneNumber.Parse(input, region);
        phone.E164.Should().Be(e164);
        phone.Original.Should().Be(input);
    }

    [Fact]
    public void Parse_NationalFormatWithoutRegion_ThrowsNamingTheRule()
        => FluentActions.Invoking(() => PhoneNumber.Parse("020 7946 0018"))
            .Should().Throw<ArgumentException>().WithMessage("*national format needs a default region*");

    [Theory]
    [InlineData("+44 20 1")]
    [InlineData("+1 000 000 0000")]
    [InlineData("+999 1234567")]
    public void Parse_InvalidNumber_ThrowsWithoutEchoingIt(string input)
    {
        var ex = FluentActions.Invoking(() => PhoneNumber.Parse(input)).Should().Throw<ArgumentException>().Which;
        ex.Message.Should().StartWith("PhoneNumber ");
        ex.Message.Should().NotContain(input);
        PhoneNumber.TryParse(input, null, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+44 abc")]
    public void Parse_Garbage_Throws(string input)
        => FluentActions.Invoking(() => PhoneNumber.Parse(input, "GB")).Should().Throw<ArgumentException>().WithMessage("PhoneNumber *");

    [Fact]
    public void Parse_UnknownDefaultRegion_Throws()
        => FluentActions.Invoking(() => PhoneNumber.Parse("020 7946 0018", "XX"))
            .Should().Throw<ArgumentException>().WithMessage("*default phone region*").And.ParamName.Should().Be("defaultRegion");

    [Fact]
    public void Parse_KeepsExtension_AndEqualityIncludesIt()
    {
        var withExt = PhoneNumber.Parse("+1 201-555-0123 ext. 42");
        withExt.E164.Should().Be("+12015550123");
        withExt.Extension.Should().Be("42");
        withExt.ToString().Should().Be("+12015550123;ext=42");
        withExt.Should().NotBe(PhoneNumber.Parse("+1 201-555-0123"));
    }

    [Fact]
    public void Equality_SameNumberDifferentFormats()
        => PhoneNumber.Parse("+44 (0)20 7946 0018").Should().Be(PhoneNumber.Parse("020-7946-0018", "GB"));

    [Fact]
    public void RegionCode_And_InternationalFormat()
    {
        var phone = PhoneNumber.Parse("+33 1 23 45 67 89");
        phone.RegionCode.Should().Be("FR");
        phone.ToInternationalFormat().Should().Be("+33 1 23 45 67 89");
    }

    [Fact]
    public void IsSupportedRegion()
    {
        PhoneNumber.IsSupportedRegion("GB").Should().BeTrue();
        PhoneNumber.IsSupportedRegion("gb").Should().BeFalse();
        PhoneNumber.IsSupportedRegion(null).Should().BeFalse();
    }
}
