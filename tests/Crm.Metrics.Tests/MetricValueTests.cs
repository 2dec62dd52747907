namespace Crm.Metrics.Tests;

public sealed class MetricValueTests
{
    [Fact]
    public void Default_IsUndefined_WithAReason_NotADefinedZero()
    {
        var value = default(MetricValue);
        value.IsDefined.Should().BeFalse();
        value.UndefinedReason.Should().Be(MetricValue.DefaultReason);
        value.TryGetValue(out _).Should().BeFalse();
        FluentActions.Invoking(() => value.Value).Should().Throw<InvalidOperationException>().WithMessage("*default(MetricValue)*");
        value.Should().NotBe(MetricValue.Of(0));
        value.ToString().Should().StartWith("undefined");
    }

    [Fact]
    public void Of_RejectsNaNAndInfinity_AndUndefinedNeedsAReason()
    {
        FluentActions.Invoking(() => MetricValue.Of(double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => MetricValue.Of(double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => MetricValue.Undefined(" ")).Should().Throw<ArgumentException>();
        MetricValue.Ratio(1, 0, "no customers").UndefinedReason.Should().Be("no customers");
        MetricValue.Of(0).IsDefined.Should().BeTrue();
    }
}
