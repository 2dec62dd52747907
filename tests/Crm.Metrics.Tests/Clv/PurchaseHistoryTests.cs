using Crm.Metrics.Clv;

namespace Crm.Metrics.Tests.Clv;

public sealed class PurchaseHistoryTests
{
    [Fact]
    public void RecencyAfterAge_Throws()
    {
        var act = () => new PurchaseHistory(1, 5, 4);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("recency").WithMessage("Recency (t_x) must not exceed age (T = 4) (was 5)*");
    }

    [Fact]
    public void RecencyWithoutRepeat_Throws()
    {
        var act = () => new PurchaseHistory(0, 1, 4);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Recency (t_x) must be 0 when frequency (x) is 0*");
    }

    [Theory]
    [InlineData(-1, 0, 1, "frequency")]
    [InlineData(1, -1, 1, "recency")]
    [InlineData(1, 0, double.PositiveInfinity, "age")]
    public void InvalidValue_ThrowsNamingIt(int x, double tx, double age, string name)
    {
        var act = () => new PurchaseHistory(x, tx, age);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(name);
    }

    [Fact]
    public void Equality_AndToString()
    {
        new PurchaseHistory(2, 1.5, 3).Should().Be(new PurchaseHistory(2, 1.5, 3));
        (new PurchaseHistory(2, 1.5, 3) != new PurchaseHistory(2, 1.5, 4)).Should().BeTrue();
        new PurchaseHistory(2, 30.43, 38.86).ToString().Should().Be("x = 2, t_x = 30.43, T = 38.86");
    }
}
