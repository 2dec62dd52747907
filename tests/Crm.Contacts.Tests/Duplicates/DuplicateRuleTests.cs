using Crm.Contacts.Duplicates;

namespace Crm.Contacts.Tests.Duplicates;

public sealed class DuplicateRuleTests
{
    [Fact]
    public void EmptyRule_Throws()
    {
        var act = () => new DuplicateRule();
        act.Should().Throw<ArgumentException>().WithMessage("A DuplicateRule must have at least one criterion*");
    }

    [Fact]
    public void RepeatedCriterion_Throws()
    {
        var act = () => new DuplicateRule(DuplicateCriterion.Email, DuplicateCriterion.Email);
        act.Should().Throw<ArgumentException>().WithMessage("*must not name a criterion twice (Email)*");
        var attr = () => new DuplicateRule(DuplicateCriterion.Attribute("No"), DuplicateCriterion.Attribute("no"));
        attr.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void NullCriterion_Throws()
    {
        var act = () => new DuplicateRule(DuplicateCriterion.Email, null!);
        act.Should().Throw<ArgumentNullException>();
        var list = () => new DuplicateRule((IEnumerable<DuplicateCriterion>)null!);
        list.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Name_JoinsCriteria_AndEqualityIsByCriteria()
    {
        var rule = new DuplicateRule(DuplicateCriterion.GivenName, DuplicateCriterion.Attribute("CustomerNo"));
        rule.Name.Should().Be("GivenName+Attribute:customerno");
        rule.Should().Be(new DuplicateRule(DuplicateCriterion.GivenName, DuplicateCriterion.Attribute("customerno")));
        rule.GetHashCode().Should().Be(new DuplicateRule(DuplicateCriterion.GivenName, DuplicateCriterion.Attribute("customerno")).GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has space")]
    public void AttributeCriterion_BadName_Throws(string key)
    {
        var act = () => DuplicateCriterion.Attribute(key);
        act.Should().Throw<ArgumentException>().WithMessage("Custom attribute name*");
    }

    [Fact]
    public void Of_Attribute_Or_Undefined_Throws()
    {
        var attr = () => DuplicateCriterion.Of(DuplicateCriterionKind.Attribute);
        attr.Should().Throw<ArgumentOutOfRangeException>();
        var undefined = () => DuplicateCriterion.Of((DuplicateCriterionKind)99);
        undefined.Should().Throw<ArgumentOutOfRangeException>();
        DuplicateCriterion.Of(DuplicateCriterionKind.Phone).Should().BeSameAs(DuplicateCriterion.Phone);
    }
}
