using Crm.Metrics.Clv;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Clv;

/// <summary>The fits' exact gradients (and analytic Hessians) against central finite differences, over random parameters and data.</summary>
public sealed class LikelihoodDerivativeTests
{
    [Property(MaxTest = 40)]
    public bool BgNbd_GradientAndHessian_MatchFiniteDifferences(byte rb, byte ab, byte aa, byte bb, int seed)
    {
        var data = WithDuplicates(Simulator.BgNbd(60, 0.5, 5, 0.8, 2.5, seed));
        var likelihood = new BgNbdLikelihood(new HistoryData(data));
        double[] p = [0.05 + (rb / 50.0), 0.5 + (ab / 20.0), 0.1 + (aa / 60.0), 0.1 + (bb / 30.0)];
        return GradientMatches(likelihood, p) && HessianMatches(likelihood, p);
    }

    [Property(MaxTest = 40)]
    public bool GammaGamma_GradientAndHessian_MatchFiniteDifferences(byte pb, byte qb, byte gb, int seed)
    {
        var spends = Simulator.GammaGamma(60, 6, 4, 15, seed);
        spends.AddRange(spends.Take(20));
        var likelihood = new GammaGammaLikelihood([.. spends.Select(s => s.Frequency)], [.. spends.Select(s => (double)s.AverageSpend)]);
        double[] p = [0.5 + (pb / 20.0), 0.5 + (qb / 20.0), 0.5 + (gb / 5.0)];
        return GradientMatches(likelihood, p) && HessianMatches(likelihood, p);
    }

    [Property(MaxTest = 25)]
    public bool ParetoNbd_Gradient_MatchesFiniteDifferences(byte rb, byte ab, byte sb, byte bb, int seed)
    {
        var data = WithDuplicates(Simulator.ParetoNbd(40, 0.6, 8, 0.8, 10, seed));
        var likelihood = new ParetoNbdLikelihood(new HistoryData(data));
        // Both sides of α = β are drawn (the series changes form there).
        double[] p = [0.05 + (rb / 50.0), 0.5 + (ab / 10.0), 0.05 + (sb / 50.0), 0.5 + (bb / 10.0)];
        return GradientMatches(likelihood, p);
    }

    [Property(MaxTest = 40)]
    public bool BgBb_Gradient_MatchesFiniteDifferences(byte ab, byte bb, byte gb, byte db)
    {
        List<DiscretePurchaseHistory> patterns = [new(0, 0, 6, 300), new(1, 1, 6, 40), new(3, 5, 6, 25), new(6, 6, 6, 10), new(2, 4, 6, 7), new(2, 4, 6, 3)];
        var likelihood = new BgBbLikelihood(patterns);
        double[] p = [0.1 + (ab / 40.0), 0.1 + (bb / 40.0), 0.1 + (gb / 40.0), 0.1 + (db / 20.0)];
        return GradientMatches(likelihood, p);
    }

    [Fact]
    public void ParetoNbd_GradientAtAlphaEqualsBeta_MatchesFiniteDifferences()
    {
        var likelihood = new ParetoNbdLikelihood(new HistoryData(Simulator.ParetoNbd(40, 0.6, 8, 0.8, 10, 5)));

        GradientMatches(likelihood, [0.6, 8, 0.8, 8]).Should().BeTrue();
    }

    [Fact]
    public void BgNbd_LargeInputOnEveryCore_EqualsTheSumOverCustomers()
    {
        // 100,000 distinct histories take the chunked parallel path; the result must not depend on scheduling.
        var data = Simulator.BgNbd(100_000, 0.5, 5, 0.8, 2.5, seed: 11);
        var model = new BgNbdModel(0.5, 5, 0.8, 2.5);

        var whole = model.LogLikelihood(data);

        model.LogLikelihood(data).Should().Be(whole);
        whole.Should().BeApproximately(data.Sum(h => model.LogLikelihood(h)), Math.Abs(whole) * 1e-12);
    }

    [Fact]
    public void BgNbd_IdenticalHistories_CountOnceEach()
    {
        var one = new PurchaseHistory(2, 10, 30);
        var model = new BgNbdModel(0.5, 5, 0.8, 2.5);

        model.LogLikelihood([one, one, one]).Should().BeApproximately(3 * model.LogLikelihood(one), 1e-12);
    }

    // Central differences with h = 1e-5 × p carry truncation and rounding error near 1e-6 relative at the extremes of the
    // drawn parameters (one draw in a few hundred failed at 1e-5); a wrong derivative term is off by far more than 1e-4.
    private const double Tolerance = 1e-4;

    private static List<PurchaseHistory> WithDuplicates(List<PurchaseHistory> data)
    {
        data.AddRange(data.Take(15));
        data.Add(new PurchaseHistory(0, 0, data[0].Age));
        return data;
    }

    private static bool GradientMatches(ILogLikelihood likelihood, double[] p)
    {
        var d = p.Length;
        var gradient = new double[d];
        var value = likelihood.Evaluate(p, gradient, null);
        for (var i = 0; i < d; i++)
        {
            var h = 1e-5 * p[i];
            var up = (double[])p.Clone();
            var down = (double[])p.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (likelihood.Evaluate(up, new double[d], null) - likelihood.Evaluate(down, new double[d], null)) / (2 * h);
            var scale = Math.Max(Math.Abs(gradient[i]), Math.Abs(value) / p[i] * 1e-3);
            if (!(Math.Abs(numeric - gradient[i]) <= Tolerance * scale))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HessianMatches(ILogLikelihood likelihood, double[] p)
    {
        var d = p.Length;
        var hessian = new double[d * d];
        likelihood.Evaluate(p, new double[d], hessian);
        for (var j = 0; j < d; j++)
        {
            var h = 1e-5 * p[j];
            var up = (double[])p.Clone();
            var down = (double[])p.Clone();
            up[j] += h;
            down[j] -= h;
            var gUp = new double[d];
            var gDown = new double[d];
            likelihood.Evaluate(up, gUp, null);
            likelihood.Evaluate(down, gDown, null);
            for (var i = 0; i < d; i++)
            {
                var numeric = (gUp[i] - gDown[i]) / (2 * h);
                var scale = Math.Max(Math.Abs(hessian[(i * d) + j]), Math.Sqrt(Math.Abs(hessian[(i * d) + i] * hessian[(j * d) + j])) * 1e-3);
                if (!(Math.Abs(numeric - hessian[(i * d) + j]) <= Tolerance * scale) || hessian[(i * d) + j] != hessian[(j * d) + i])
                {
                    return false;
                }
            }
        }

        return true;
    }
}
