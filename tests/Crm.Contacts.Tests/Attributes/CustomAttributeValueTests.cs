using Crm.Contacts.Attributes;
using NodaTime;

namespace Crm.Contacts.Tests.Attributes;

public sealed class CustomAttributeValueTests
{
    private static readonly Money TenEuros = new(10m, CurrencyCode.Parse("EUR"));

    [Fact]
    public void EachKind_RoundTripsThroughItsAccessor()
    {
        CustomAttributeValue.Text(" gold ").AsText().Should().Be("gold");
        CustomAttributeValue.Number(12.5m).AsNumber().Should().Be(12.5m);
        CustomAttributeValue.Boolean(true).AsBoolean().Should().BeTrue();
        CustomAttributeValue.Boolean(false).AsBoolean().Should().BeFalse();
        CustomAttributeValue.Date(new LocalDate(2024, 2, 29)).AsDate().Should().Be(new LocalDate(2024, 2, 29));
        CustomAttributeValue.Money(TenEuros).AsMoney().Should().Be(TenEuros);
    }

    [Fact]
    public void WrongAccessor_Throws()
        => FluentActions.Invoking(() => CustomAttributeValue.Number(1).AsText())
            .Should().Throw<InvalidOperationException>().WithMessage("*is Number, not Text*");

    [Fact]
    public void Match_DispatchesOnKind()
    {
        static string Describe(CustomAttributeValue v) => v.Match(t => "text", n => "number", b => "bool", d => "date", m => "money");
        Describe(CustomAttributeValue.Text("x")).Should().Be("text");
        Describe(CustomAttributeValue.Number(1)).Should().Be("number");
        Describe(CustomAttributeValue.Boolean(true)).Should().Be("bool");
        Describe(CustomAttributeValue.Date(new LocalDate(2020, 1, 1))).Should().Be("date");
        Describe(CustomAttributeValue.Money(TenEuros)).Should().Be("money");
        FluentActions.Invoking(() => Describe(default)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Equality_NeedsSameKindAndValue()
    {
        CustomAttributeValue.Number(1).Should().Be(CustomAttributeValue.Number(1.0m));
        CustomAttributeValue.Number(1).Should().NotBe(CustomAttributeValue.Boolean(true));
        CustomAttributeValue.Text("a").Should().NotBe(CustomAttributeValue.Text("A"));
    }

    [Fact]
    public void Text_Empty_TooLong_OrControl_IsRejected()
    {
        FluentActions.Invoking(() => CustomAttributeValue.Text(" ")).Should().Throw<ArgumentException>().WithMessage("*must not be empty*");
        FluentActions.Invoking(() => CustomAttributeValue.Text(new string('a', 2001))).Should().Throw<ArgumentException>().WithMessage("*at most 2000*");
        FluentActions.Invoking(() => CustomAttributeValue.Text("a\u0000b")).Should().Throw<ArgumentException>().WithMessage("*control*");
        CustomAttributeValue.Text("line 1\nline 2").AsText().Should().Be("line 1\nline 2");
    }

    [Fact]
    public void Money_WithoutCurrency_IsRejected()
        => FluentActions.Invoking(() => CustomAttributeValue.Money(default)).Should().Throw<ArgumentException>();

    [Fact]
    public void ToString_IsInvariant()
    {
        CustomAttributeValue.Number(1234.5m).ToString().Should().Be("1234.5");
        CustomAttributeValue.Date(new LocalDate(2024, 3, 1)).ToString().Should().Be("2024-03-01");
        CustomAttributeValue.Money(TenEuros).ToString().Should().Be("10 EUR");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("ümlaut")]
    public void AttributeKey_BadName_IsRejected(string name)
        => FluentActions.Invoking(() => AttributeKeys.Validate(name, "attributeName")).Should().Throw<ArgumentException>().WithMessage("Custom attribute name*");
}
