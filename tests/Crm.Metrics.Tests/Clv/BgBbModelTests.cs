using System.Globalization;
using Crm.Metrics.Clv;

namespace Crm.Metrics.Tests.Clv;

public sealed class BgBbModelTests
{
    private static List<DiscretePurchaseHistory> Donations() =>
        File.ReadAllLines(Path.Combine(CdnowData.Folder!, "donations.csv")).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Trim().Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new DiscretePurchaseHistory((int)f[0], (int)f[1], (int)f[2], f[3]);
        }).ToList();

    [CdnowFact]
    public void Fit_OnTheDonations_ReproducesFaderHardieShang2010()
    {
        var fit = BgBbModel.Fit(Donations());

        fit.Customers.Should().Be(11_104);
        fit.Patterns.Should().Be(22);
        fit.Converged.Should().BeTrue();
        fit.LogLikelihood.Should().BeApproximately(-33_225.58, 0.01);
        fit.Model.Alpha.Should().BeApproximately(1.204, 0.0005);
        fit.Model.Beta.Should().BeApproximately(0.750, 0.0005);
        fit.Model.Gamma.Should().BeApproximately(0.657, 0.0005);
        fit.Model.Delta.Should().BeApproximately(2.783, 0.0005);
    }

    [Fact]
    public void LogLikelihood_OfOnePattern_MatchesTheHandComputedValue()
    {
        // α = β = γ = δ = 1, x = 0, t_x = 0, n = 1: B(1,2)/B(1,1) · B(1,2)/B(1,1) + B(1,1)/B(1,1) · B(2,1)/B(1,1) = 1/4 + 1/2.
        new BgBbModel(1, 1, 1, 1).LogLikelihood([new DiscretePurchaseHistory(0, 0, 1)]).Should().BeApproximately(Math.Log(0.75), 1e-14);
    }

    [Fact]
    public void LogLikelihoods_OfAllPatterns_SumToOne()
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        var patterns = new List<DiscretePurchaseHistory> { new(0, 0, 4) };
        for (var tx = 1; tx <= 4; tx++)
        {
            for (var x = 1; x <= tx; x++)
            {
                // The number of purchase sequences with x purchases, the last at t_x, is C(t_x − 1, x − 1).
                var sequences = (long)Math.Round(MathNet.Numerics.SpecialFunctions.Binomial(tx - 1, x - 1));
                patterns.Add(new DiscretePurchaseHistory(x, tx, 4, sequences));
            }
        }

        patterns.Sum(p => p.Customers * Math.Exp(model.LogLikelihood([new DiscretePurchaseHistory(p.Frequency, p.Recency, 4)]))).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Expectations_AndProbabilityAlive_AreConsistent()
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        var lastAtEnd = new DiscretePurchaseHistory(6, 6, 6);

        model.ProbabilityAlive(lastAtEnd).Should().BeInRange(0, 1);
        model.ProbabilityAlive(new DiscretePurchaseHistory(1, 1, 6)).Should().BeLessThan(model.ProbabilityAlive(lastAtEnd));
        model.ExpectedPurchases(0).Should().Be(0);
        model.ExpectedPurchases(1).Should().BeApproximately(1.204 / (1.204 + 0.750) * 2.783 / (0.657 + 2.783), 1e-12);
        model.ConditionalExpectedPurchases(5, lastAtEnd).Should().BeGreaterThan(model.ConditionalExpectedPurchases(5, new DiscretePurchaseHistory(0, 0, 6)));
        model.ConditionalExpectedPurchases(5, lastAtEnd).Should().BeGreaterThan(model.ConditionalExpectedPurchases(4, lastAtEnd));
    }

    [Theory]
    [InlineData(2, 1, 6)]
    [InlineData(1, 7, 6)]
    [InlineData(0, 2, 6)]
    public void Pattern_Inconsistent_Throws(int x, int tx, int n)
    {
        var act = () => new DiscretePurchaseHistory(x, tx, n);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("recency");
    }

    [Fact]
    public void DefaultPattern_IsRejected()
    {
        var act = () => BgBbModel.Fit([default]);

        act.Should().Throw<ArgumentException>().WithMessage("*default value*");
    }

    [Fact]
    public void Fit_Empty_Throws()
    {
        var act = () => BgBbModel.Fit([]);

        act.Should().Throw<ArgumentException>().WithMessage("A BG/BB fit needs at least one pattern.*");
    }
}
