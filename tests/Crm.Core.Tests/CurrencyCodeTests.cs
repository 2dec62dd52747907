namespace Crm.Core.Tests;

public sealed class CurrencyCodeTests
{
    [Theory]
    [InlineData("EUR", "EUR")]
    [InlineData(" jpy ", "JPY")]
    [InlineData("XAU", "XAU")]
    public void Parse_KnownCode_IsNormalized(string input, string expected)
        => CurrencyCode.Parse(input).Value.Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("ABC")]
    [InlineData("XTS")]
    [InlineData("XXX")]
    public void Parse_Unknown_ThrowsNamingTheRule(string input)
    {
        FluentActions.Invoking(() => CurrencyCode.Parse(input)).Should().Throw<ArgumentException>().WithMessage("Currency must be an ISO 4217*");
        CurrencyCode.TryParse(input, out _).Should().BeFalse();
    }

    [Fact]
    public void Money_NeedsACurrency_AndComparesExactly()
    {
        FluentActions.Invoking(() => new Money(1m, default)).Should().Throw<ArgumentException>().WithMessage("Money needs a currency*");
        new Money(1.0m, CurrencyCode.Parse("EUR")).Should().Be(new Money(1.00m, CurrencyCode.Parse("EUR")));
        new Money(1m, CurrencyCode.Parse("EUR")).Should().NotBe(new Money(1m, CurrencyCode.Parse("USD")));
        new Money(12.50m, CurrencyCode.Parse("EUR")).ToString().Should().Be("12.50 EUR");
    }
}
