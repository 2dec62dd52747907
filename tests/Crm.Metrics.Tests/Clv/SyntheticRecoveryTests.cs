using Crm.Metrics.Clv;

namespace Crm.Metrics.Tests.Clv;

/// <summary>Fits data simulated from known parameters and checks that the fit recovers them (and beats the truth on likelihood).</summary>
public sealed class SyntheticRecoveryTests
{
    [Fact]
    public void BgNbd_Fit_RecoversTheSimulatedParameters()
    {
        var data = Simulator.BgNbd(20_000, r: 0.5, alpha: 5, a: 0.8, b: 2.5, seed: 20240601);
        var truth = new BgNbdModel(0.5, 5, 0.8, 2.5);

        var fit = BgNbdModel.Fit(data);

        fit.Converged.Should().BeTrue();
        fit.LogLikelihood.Should().BeGreaterThanOrEqualTo(truth.LogLikelihood(data));
        // Tolerances ≈ 3 standard errors at this sample size (a and b are the least well identified).
        fit.Model.R.Should().BeApproximately(0.5, 0.05);
        fit.Model.Alpha.Should().BeApproximately(5, 0.6);
        fit.Model.A.Should().BeApproximately(0.8, 0.2);
        fit.Model.B.Should().BeApproximately(2.5, 0.75);
    }

    [Fact]
    public void GammaGamma_Fit_RecoversTheSimulatedParameters()
    {
        var data = Simulator.GammaGamma(10_000, p: 6, q: 4, gamma: 15, seed: 7);
        var truth = new GammaGammaModel(6, 4, 15);

        var fit = GammaGammaModel.Fit(data);

        fit.Converged.Should().BeTrue();
        fit.ExcludedCustomers.Should().Be(0);
        fit.LogLikelihood.Should().BeGreaterThanOrEqualTo(truth.LogLikelihood(data));
        fit.Model.P.Should().BeApproximately(6, 0.6);
        fit.Model.Q.Should().BeApproximately(4, 0.4);
        fit.Model.Gamma.Should().BeApproximately(15, 2.5);
    }
}
