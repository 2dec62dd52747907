using Crm.Metrics.Clv;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Clv;

public sealed class ParetoNbdModelTests
{
    private static readonly Lazy<ParetoNbdFit> CdnowFit = new(() => ParetoNbdModel.Fit(CdnowData.Histories));

    [Theory]
    [InlineData(0, 1, 1, 1, "r")]
    [InlineData(1, 0, 1, 1, "alpha")]
    [InlineData(1, 1, -1, 1, "s")]
    [InlineData(1, 1, 1, double.NaN, "beta")]
    public void Constructor_InvalidParameter_ThrowsNamingIt(double r, double alpha, double s, double beta, string name)
    {
        var act = () => new ParetoNbdModel(r, alpha, s, beta);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(name);
    }

    [Fact]
    public void LogLikelihood_WhenAlphaEqualsBeta_MatchesTheClosedForm()
    {
        // α = β makes the 2F1 argument 0, so A₀ = (α+t_x)^−(r+s+x) − (α+T)^−(r+s+x). r = s = α = β = 1, x = 1, t_x = 1, T = 2:
        // L = Γ(2)/Γ(1) · [1/(3²·3) + 1/3 · (2^−3 − 3^−3)] = 1/27 + (1/8 − 1/27)/3.
        var expected = (1.0 / 27) + (((1.0 / 8) - (1.0 / 27)) / 3);

        new ParetoNbdModel(1, 1, 1, 1).LogLikelihood(new PurchaseHistory(1, 1, 2)).Should().BeApproximately(Math.Log(expected), 1e-14);
    }

    [Fact]
    public void LogLikelihood_IsContinuousAcrossAlphaEqualsBeta()
    {
        var history = new PurchaseHistory(3, 10, 30);
        var below = new ParetoNbdModel(0.5, 10 - 1e-7, 0.6, 10).LogLikelihood(history);
        var above = new ParetoNbdModel(0.5, 10 + 1e-7, 0.6, 10).LogLikelihood(history);

        below.Should().BeApproximately(above, 1e-6);
    }

    [Fact]
    public void ProbabilityAlive_WhenLastPurchaseIsAtT_IsOne()
        => new ParetoNbdModel(0.5, 10, 0.6, 11).ProbabilityAlive(new PurchaseHistory(2, 20, 20)).Should().Be(1);

    [Fact]
    public void ExpectedPurchases_MatchesTheClosedFormAndIsContinuousAtSEqualsOne()
    {
        // rβ/(α(s−1)) (1 − (β/(β+t))^(s−1)) with r = 1, α = 2, s = 2, β = 3, t = 6: 1.5 · (1 − 1/3) = 1.
        new ParetoNbdModel(1, 2, 2, 3).ExpectedPurchases(6).Should().BeApproximately(1, 1e-14);
        // s = 1: rβ/α ln((β+t)/β) = 1.5 ln 3.
        new ParetoNbdModel(1, 2, 1, 3).ExpectedPurchases(6).Should().BeApproximately(1.5 * Math.Log(3), 1e-14);
        new ParetoNbdModel(1, 2, 1 + 1e-10, 3).ExpectedPurchases(6).Should().BeApproximately(1.5 * Math.Log(3), 1e-8);
    }

    [Fact]
    public void ConditionalExpectation_ForANewCustomer_IsTheUnconditionalOne()
    {
        var model = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);

        model.ConditionalExpectedPurchases(39, new PurchaseHistory(0, 0, 0)).Should().BeApproximately(model.ExpectedPurchases(39), 1e-12);
    }

    [Fact]
    public void Fit_EmptyInput_Throws()
    {
        var act = () => ParetoNbdModel.Fit([]);

        act.Should().Throw<ArgumentException>().WithMessage("A Pareto/NBD fit needs at least one customer history.*");
    }

    [CdnowFact]
    public void Fit_OnCdnow_ReproducesThePublishedEstimates()
    {
        var fit = CdnowFit.Value;

        fit.Converged.Should().BeTrue();
        fit.LogLikelihood.Should().BeApproximately(-9594.976, 1e-3);
        fit.Model.R.Should().BeApproximately(0.553, 0.0005);
        fit.Model.Alpha.Should().BeApproximately(10.578, 0.0005);
        fit.Model.S.Should().BeApproximately(0.606, 0.0005);
        fit.Model.Beta.Should().BeApproximately(11.669, 0.02); // weakly identified
    }

    [CdnowFact]
    public void Fit_OnTheRoundedSummaryFile_MovesBetaTo11Point668()
    {
        var fit = ParetoNbdModel.Fit(CdnowData.ReadRoundedSummary().Select(c => c.History));

        fit.Model.Beta.Should().BeApproximately(11.668, 0.02);
    }

    [Fact]
    public void Fit_RecoversSimulatedParameters()
    {
        var data = Simulator.ParetoNbd(20_000, r: 0.6, alpha: 8, s: 0.8, beta: 10, seed: 424242);
        var truth = new ParetoNbdModel(0.6, 8, 0.8, 10);

        var fit = ParetoNbdModel.Fit(data);

        fit.Converged.Should().BeTrue();
        fit.LogLikelihood.Should().BeGreaterThanOrEqualTo(truth.LogLikelihood(data));
        fit.Model.R.Should().BeApproximately(0.6, 0.06);
        fit.Model.Alpha.Should().BeApproximately(8, 1.2);
        fit.Model.S.Should().BeApproximately(0.8, 0.25);
        fit.Model.Beta.Should().BeApproximately(10, 5); // the weakly identified one
    }

    [Property(MaxTest = 100)]
    public bool ProbabilityAlive_IsAProbability_AndExpectationsAreMonotone(byte rb, byte ab, byte sb, byte bb, byte x, byte tx, byte extra)
    {
        var model = new ParetoNbdModel(0.05 + (rb / 40.0), 0.5 + (ab / 10.0), 0.05 + (sb / 40.0), 0.5 + (bb / 10.0));
        var history = x == 0 ? new PurchaseHistory(0, 0, extra) : new PurchaseHistory(x, tx, tx + (double)extra);
        var p = model.ProbabilityAlive(history);
        if (p is < 0 or > 1)
        {
            return false;
        }

        var previous = 0.0;
        foreach (var t in new[] { 0.5, 5, 52, 520 })
        {
            var c = model.ConditionalExpectedPurchases(t, history);
            var e = model.ExpectedPurchases(t);
            if (!(c >= previous) || !(e >= 0))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static readonly ParetoNbdModel CdnowEstimates = new(0.553, 10.578, 0.606, 11.669);

    [Theory]
    [InlineData(39)]
    [InlineData(78)]
    [InlineData(1)]
    public void ProbabilityOfPurchases_SumsToOne_AndItsMeanIsTheClosedFormExpectation(double t)
    {
        var probabilities = Enumerable.Range(0, 400).Select(n => CdnowEstimates.ProbabilityOfPurchases(n, t)).ToList();

        probabilities.Sum().Should().BeApproximately(1, 1e-9);
        probabilities.Select((p, n) => p * n).Sum().Should().BeApproximately(CdnowEstimates.ExpectedPurchases(t), 1e-8);
    }

    [Fact]
    public void ProbabilityOfPurchases_MatchesASimulationOfTheModel()
    {
        // Brute force: draw λ, μ and the lifetime, count Poisson purchases in [0, min(t, lifetime)].
        const int customers = 400_000;
        const double t = 39;
        var rng = new Random(17);
        var counts = new int[4];
        for (var i = 0; i < customers; i++)
        {
            var lambda = MathNet.Numerics.Distributions.Gamma.Sample(rng, CdnowEstimates.R, CdnowEstimates.Alpha);
            var lifetime = MathNet.Numerics.Distributions.Exponential.Sample(rng, MathNet.Numerics.Distributions.Gamma.Sample(rng, CdnowEstimates.S, CdnowEstimates.Beta));
            var n = MathNet.Numerics.Distributions.Poisson.Sample(rng, lambda * Math.Min(t, lifetime));
            if (n < counts.Length)
            {
                counts[n]++;
            }
        }

        for (var n = 0; n < counts.Length; n++)
        {
            var p = CdnowEstimates.ProbabilityOfPurchases(n, t);
            var sigma = Math.Sqrt(p * (1 - p) / customers);
            ((double)counts[n] / customers).Should().BeApproximately(p, 5 * sigma, $"P(X(39) = {n})");
        }
    }

    [Fact]
    public void ProbabilityOfPurchases_AtTimeZero_IsAllOnNone()
    {
        CdnowEstimates.ProbabilityOfPurchases(0, 0).Should().Be(1);
        CdnowEstimates.ProbabilityOfPurchases(3, 0).Should().Be(0);
        var act = () => CdnowEstimates.ProbabilityOfPurchases(-1, 5);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
