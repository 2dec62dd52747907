using Crm.Metrics.Clv;

namespace Crm.Metrics.Tests.Clv;

/// <summary>What the fits report beside the estimates: standard errors, iterations, evaluations and the convergence flag.</summary>
public sealed class FitDiagnosticsTests
{
    [CdnowFact]
    public void BgNbd_StandardErrorsOnTheRoundedCdnowSummary_MatchLifetimes()
    {
        // lifetimes' BetaGeoFitter on the same 2-decimal file reports se 0.012557, 0.378221, 0.185719, 0.705345
        // (its summary is also the inverse Hessian of −LL at the optimum).
        var fit = BgNbdModel.Fit(CdnowData.ReadRoundedSummary().Select(c => c.History));

        fit.Diagnostics.ParameterNames.Should().Equal("r", "alpha", "a", "b");
        var se = fit.Diagnostics.StandardErrors;
        se[0].Should().BeApproximately(0.012557, 0.012557 * 5e-3);
        se[1].Should().BeApproximately(0.378221, 0.378221 * 5e-3);
        se[2].Should().BeApproximately(0.185719, 0.185719 * 5e-3);
        se[3].Should().BeApproximately(0.705345, 0.705345 * 5e-3);
    }

    [Fact]
    public void BgNbd_StandardErrors_CoverTheSimulatedTruth()
    {
        var data = Simulator.BgNbd(20_000, r: 0.5, alpha: 5, a: 0.8, b: 2.5, seed: 20240601);

        var fit = BgNbdModel.Fit(data);

        double[] truth = [0.5, 5, 0.8, 2.5];
        double[] estimate = [fit.Model.R, fit.Model.Alpha, fit.Model.A, fit.Model.B];
        for (var i = 0; i < 4; i++)
        {
            var se = fit.Diagnostics.StandardErrors[i];
            se.Should().BePositive().And.BeLessThan(estimate[i] / 2, "20,000 customers identify every parameter");
            Math.Abs(estimate[i] - truth[i]).Should().BeLessThan(4 * se, fit.Diagnostics.ParameterNames[i]);
        }
    }

    [Fact]
    public void GammaGamma_StandardErrors_ShrinkLikeOneOverRootN()
    {
        var small = GammaGammaModel.Fit(Simulator.GammaGamma(2_500, p: 6, q: 4, gamma: 15, seed: 7));
        var large = GammaGammaModel.Fit(Simulator.GammaGamma(10_000, p: 6, q: 4, gamma: 15, seed: 7));

        for (var i = 0; i < 3; i++)
        {
            (small.Diagnostics.StandardErrors[i] / large.Diagnostics.StandardErrors[i]).Should().BeInRange(1.5, 2.7);
        }
    }

    [Fact]
    public void BgNbd_Fit_ConvergesFromOneStartInFewNewtonSteps()
    {
        var fit = BgNbdModel.Fit(Simulator.BgNbd(5_000, 0.5, 5, 0.8, 2.5, seed: 9));

        fit.Converged.Should().BeTrue();
        fit.Diagnostics.StartingPoints.Should().Be(1);
        fit.Diagnostics.FailedStartingPoints.Should().Be(0);
        fit.Diagnostics.Iterations.Should().BeInRange(1, 40);
        fit.Diagnostics.Evaluations.Should().Be(fit.Diagnostics.Iterations + 1, "one fused evaluation per trust-region step, plus the start");
        fit.Diagnostics.MaxAbsoluteGradient.Should().BeLessThanOrEqualTo(fit.Diagnostics.GradientTolerance);
    }

    [Fact]
    public void ParetoNbd_Fit_ReportsDifferencedHessianEvaluations()
    {
        var fit = ParetoNbdModel.Fit(Simulator.ParetoNbd(2_000, 0.6, 8, 0.8, 10, seed: 1));

        fit.Converged.Should().BeTrue();
        fit.Diagnostics.Evaluations.Should().Be(5 * (fit.Diagnostics.Iterations + fit.Diagnostics.StartingPoints), "each point costs one gradient plus four for the differenced Hessian");
        fit.Diagnostics.StandardErrors.Should().OnlyContain(se => se > 0 && double.IsFinite(se));
    }

    [Fact]
    public void BgNbd_WithoutRepeatBuyers_IsNotConvergedAndHasNoStandardErrorsForAAndB()
    {
        var fit = BgNbdModel.Fit(Enumerable.Range(1, 50).Select(i => new PurchaseHistory(0, 0, 10 + i)));

        fit.Converged.Should().BeFalse("a and b are not identified without repeat purchases");
        fit.Diagnostics.StandardErrors.Should().OnlyContain(se => double.IsNaN(se));
    }
}
