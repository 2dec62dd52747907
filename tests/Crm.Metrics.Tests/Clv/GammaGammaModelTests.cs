using Crm.Metrics.Clv;

namespace Crm.Metrics.Tests.Clv;

public sealed class GammaGammaModelTests
{
    [Theory]
    [InlineData(0, 1, 1, "p")]
    [InlineData(1, -2, 1, "q")]
    [InlineData(1, 1, double.NaN, "gamma")]
    public void Constructor_InvalidParameter_ThrowsNamingIt(double p, double q, double gamma, string name)
    {
        var act = () => new GammaGammaModel(p, q, gamma);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(name);
    }

    [Fact]
    public void ConditionalExpectedAverageSpend_IsTheHandComputedWeightedMean()
    {
        // (γ + m̄x)p/(px + q − 1) = (15 + 40)·6/(12 + 3) = 22.
        new GammaGammaModel(6, 4, 15).ConditionalExpectedAverageSpend(new SpendHistory(2, 20m)).Value.Should().BeApproximately(22, 1e-12);
    }

    [Fact]
    public void ConditionalExpectedAverageSpend_WithNoRepeat_IsThePopulationMean()
    {
        var model = new GammaGammaModel(6, 4, 15);

        model.ExpectedAverageSpend.Value.Should().BeApproximately(30, 1e-12);
        model.ConditionalExpectedAverageSpend(new SpendHistory(0, 0m)).Value.Should().BeApproximately(30, 1e-12);
    }

    [Fact]
    public void PopulationMean_WhenQIsAtMostOne_IsUndefined()
    {
        var model = new GammaGammaModel(6, 0.8, 15);

        model.ExpectedAverageSpend.IsDefined.Should().BeFalse();
        model.ConditionalExpectedAverageSpend(new SpendHistory(0, 0m)).UndefinedReason.Should().Contain("infinite");
        model.ConditionalExpectedAverageSpend(new SpendHistory(1, 10m)).IsDefined.Should().BeTrue();
    }

    [Fact]
    public void LogLikelihood_OfOneCustomer_MatchesTheDensity()
    {
        // p = q = γ = 1, x = 1, m̄ = 1: Γ(2)/(Γ(1)Γ(1)) · 1 · 1 · 1 / 2² = 1/4.
        new GammaGammaModel(1, 1, 1).LogLikelihood([new SpendHistory(1, 1m)]).Should().BeApproximately(Math.Log(0.25), 1e-14);
    }

    [Fact]
    public void Fit_LeavesOutCustomersWithoutRepeatOrWithZeroSpend_AndSaysHowMany()
    {
        var data = Simulator.GammaGamma(300, 6, 4, 15, seed: 11);
        data.Add(new SpendHistory(0, 0m));
        data.Add(new SpendHistory(0, 0m));
        data.Add(new SpendHistory(3, 0m));

        var fit = GammaGammaModel.Fit(data);

        fit.Customers.Should().Be(300);
        fit.OneTimeBuyers.Should().Be(2, "x = 0: nothing to average");
        fit.ZeroSpendRepeatBuyers.Should().Be(1, "x = 3 but m̄ = 0 is outside the gamma's support, and is reported apart");
        fit.ExcludedCustomers.Should().Be(3);
        fit.LogLikelihood.Should().BeApproximately(fit.Model.LogLikelihood(data), 1e-9);
    }

    [Fact]
    public void Fit_WithNobodyToFit_Throws()
    {
        var act = () => GammaGammaModel.Fit([new SpendHistory(0, 0m), new SpendHistory(2, 0m)]);

        act.Should().Throw<ArgumentException>().WithMessage("*at least one customer with a repeat purchase and a positive mean repeat spend (1 one-time buyers and 1 repeat buyers with a zero mean repeat spend were left out)*");
    }

    [Fact]
    public void SpendHistory_Validates()
    {
        var negative = () => new SpendHistory(1, -1m);
        var noRepeat = () => new SpendHistory(0, 5m);

        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("averageSpend");
        noRepeat.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Average repeat spend must be 0 when frequency (x) is 0*");
    }

    [CdnowFact]
    public void Fit_OnTheCdnowRepeaters_ReproducesThePublishedEstimates()
    {
        var fit = GammaGammaModel.Fit(CdnowData.Spends);

        fit.Customers.Should().Be(946);
        fit.ExcludedCustomers.Should().Be(1411);
        fit.Converged.Should().BeTrue();
        fit.Model.P.Should().BeApproximately(6.2496, 6.2496 * 1e-3);
        fit.Model.Q.Should().BeApproximately(3.7442, 3.7442 * 1e-3);
        fit.Model.Gamma.Should().BeApproximately(15.4435, 15.4435 * 1e-3);
        fit.LogLikelihood.Should().BeApproximately(-4055.918, 1e-3);
    }

    [CdnowFact]
    public void Fit_OnTheRoundedSummaryFile_MovesGammaTo15Point45()
    {
        var fit = GammaGammaModel.Fit(CdnowData.ReadRoundedSummary().Select(c => c.Spend));

        fit.Model.Gamma.Should().BeApproximately(15.45, 0.005);
    }
}
