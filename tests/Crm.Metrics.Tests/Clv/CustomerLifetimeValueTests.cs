using Crm.Metrics.Clv;

namespace Crm.Metrics.Tests.Clv;

public sealed class CustomerLifetimeValueTests
{
    private static readonly PurchaseHistory Someone = new(2, 30.43, 38.86);

    /// <summary>A model that expects exactly one purchase per time unit, to check the discounting arithmetic by hand.</summary>
    private sealed class OnePerUnit : IRepeatPurchaseModel
    {
        public double ExpectedPurchases(double t) => t;

        public double ConditionalExpectedPurchases(double t, PurchaseHistory history) => t;

        public double ProbabilityAlive(PurchaseHistory history) => 1;
    }

    [Fact]
    public void Discounted_DiscountsEachPeriodsPurchasesAtItsEnd()
    {
        // 10 · (1/1.1 + 1/1.21) = 17.355371…
        CustomerLifetimeValue.Discounted(new OnePerUnit(), Someone, 10, 2, 1, 0.1).Should().BeApproximately(10 * ((1 / 1.1) + (1 / 1.21)), 1e-12);
    }

    [Fact]
    public void Discounted_WithoutDiscount_IsSpendTimesExpectedPurchasesOverTheHorizon()
    {
        var model = new BgNbdModel(0.242595, 4.413602, 0.792922, 2.425907);

        CustomerLifetimeValue.Discounted(model, Someone, 35, 12, 4.345, 0)
            .Should().BeApproximately(35 * model.ConditionalExpectedPurchases(12 * 4.345, Someone), 1e-9);
    }

    [Fact]
    public void Discounted_WithGammaGamma_UsesTheConditionalExpectedSpend()
    {
        var model = new BgNbdModel(0.242595, 4.413602, 0.792922, 2.425907);
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var m = spend.ConditionalExpectedAverageSpend(new SpendHistory(2, 22.35m)).Value;

        var clv = CustomerLifetimeValue.Discounted(model, spend, Someone, 22.35m, 12, 4.345, 0.01);

        clv.Value.Should().BeApproximately(CustomerLifetimeValue.Discounted(model, Someone, m, 12, 4.345, 0.01), 1e-9);
        clv.Value.Should().BeLessThan(m * model.ConditionalExpectedPurchases(12 * 4.345, Someone));
    }

    [Fact]
    public void Discounted_WhenTheExpectedSpendIsInfinite_IsUndefined()
    {
        var clv = CustomerLifetimeValue.Discounted(new OnePerUnit(), new GammaGammaModel(1, 0.5, 10), new PurchaseHistory(0, 0, 10), 0m, 12, 1, 0.01);

        clv.IsDefined.Should().BeFalse();
    }

    [Theory]
    [InlineData(0, 1, 0.1, "periods")]
    [InlineData(1, 0, 0.1, "periodLength")]
    [InlineData(1, 1, -0.1, "discountRate")]
    public void Discounted_InvalidHorizon_ThrowsNamingTheArgument(int periods, double length, double rate, string name)
    {
        var act = () => CustomerLifetimeValue.Discounted(new OnePerUnit(), Someone, 10, periods, length, rate);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(name);
    }

    [Fact]
    public void Discounted_NegativeSpend_Throws()
    {
        var act = () => CustomerLifetimeValue.Discounted(new OnePerUnit(), Someone, -1, 1, 1, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("expectedSpendPerPurchase");
    }
}
