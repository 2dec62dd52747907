using Crm.Metrics.Clv;
using FsCheck.Xunit;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Crm.Metrics.Tests.Clv;

public sealed class BgNbdModelTests
{
    private static readonly BgNbdModel Unit = new(1, 1, 1, 1);

    [Theory]
    [InlineData(0, 1, 1, 1, "r")]
    [InlineData(1, -1, 1, 1, "alpha")]
    [InlineData(1, 1, double.NaN, 1, "a")]
    [InlineData(1, 1, 1, double.PositiveInfinity, "b")]
    public void Constructor_NonPositiveOrNonFiniteParameter_ThrowsNamingIt(double r, double alpha, double a, double b, string name)
    {
        var act = () => new BgNbdModel(r, alpha, a, b);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(name).WithMessage($"{name} must be a positive finite number*");
    }

    [Fact]
    public void LogLikelihood_NoRepeat_IsTheGammaPoissonZeroTerm()
    {
        // x = 0: L = (α/(α+T))^r; r = α = T = 1 gives 1/2.
        Unit.LogLikelihood(new PurchaseHistory(0, 0, 1)).Should().BeApproximately(Math.Log(0.5), 1e-14);
    }

    [Fact]
    public void LogLikelihood_OneRepeat_MatchesTheHandComputedValue()
    {
        // r = α = a = b = 1, x = 1, t_x = 1, T = 2: Γ(2)/Γ(1) · B(1, 2)/B(1, 1) · [3^−2 + (1/1)·2^−2] = 1/2 · 13/36 = 13/72.
        Unit.LogLikelihood(new PurchaseHistory(1, 1, 2)).Should().BeApproximately(Math.Log(13.0 / 72), 1e-14);
    }

    [Fact]
    public void LogLikelihood_OfASet_IsTheSumOfItsMembers()
    {
        PurchaseHistory[] histories = [new(0, 0, 1), new(1, 1, 2), new(5, 3.5, 10)];

        Unit.LogLikelihood(histories).Should().BeApproximately(histories.Sum(h => Unit.LogLikelihood(h)), 1e-12);
    }

    [Fact]
    public void ProbabilityAlive_NoRepeatPurchase_IsOne()
        => new BgNbdModel(0.2, 4, 0.8, 2.4).ProbabilityAlive(new PurchaseHistory(0, 0, 30)).Should().Be(1);

    [Fact]
    public void ProbabilityAlive_LastPurchaseAtT_IsTheProbabilityOfNotDroppingOut()
        // t_x = T: P(alive) = 1 / (1 + a/(b + x − 1)) = (b + x − 1)/(a + b + x − 1); a = 1, b = 3, x = 1 → 3/4.
        => new BgNbdModel(0.5, 2, 1, 3).ProbabilityAlive(new PurchaseHistory(1, 10, 10)).Should().BeApproximately(0.75, 1e-15);

    [Fact]
    public void ExpectedPurchases_AtZero_IsZero()
    {
        Unit.ExpectedPurchases(0).Should().Be(0);
        Unit.ConditionalExpectedPurchases(0, new PurchaseHistory(3, 2, 5)).Should().Be(0);
    }

    [Theory]
    [InlineData(0.242595, 4.413602, 0.792922, 2.425907, 78)]
    [InlineData(2, 3, 4, 5, 10)]
    [InlineData(0.5, 1, 0.6, 1.3, 50)]
    [InlineData(1, 10, 1, 2, 20)]
    public void ExpectedPurchases_MatchesQuadratureOfItsIntegralForm(double r, double alpha, double a, double b, double t)
    {
        // E[X(t)] = E_p[(1/p)(1 − (α/(α+pt))^r)] for p ~ Beta(a, b): an evaluation that shares nothing with the 2F1 series.
        var beta = new Beta(a, b);
        var integral = Integrate.DoubleExponential(p => beta.Density(p) / p * -ExpM1(-r * Math.Log(1 + (p * t / alpha))), 0, 1, 1e-12);

        new BgNbdModel(r, alpha, a, b).ExpectedPurchases(t).Should().BeApproximately(integral, 1e-6 * Math.Max(1, integral)); // the quadrature, not the series, limits the agreement
    }

    [Fact]
    public void ExpectedPurchases_WithASmallPlusB_MatchesAHighPrecisionEvaluation()
    {
        // a + b < 1 makes the textbook 2F1's c = a + b − 1 negative; 8.880891561922357 is mpmath's 30-digit hyp2f1 value.
        new BgNbdModel(0.5, 1, 0.2, 0.3).ExpectedPurchases(50).Should().BeApproximately(8.880891561922357, 1e-11);
    }

    [Fact]
    public void Expectations_AreContinuousThroughAEqualsOne()
    {
        var history = new PurchaseHistory(4, 20, 30);
        var at = new BgNbdModel(0.5, 5, 1, 2);
        var below = new BgNbdModel(0.5, 5, 1 - 1e-9, 2);
        var above = new BgNbdModel(0.5, 5, 1 + 1e-9, 2);

        below.ExpectedPurchases(40).Should().BeApproximately(at.ExpectedPurchases(40), 1e-7);
        above.ExpectedPurchases(40).Should().BeApproximately(at.ExpectedPurchases(40), 1e-7);
        above.ConditionalExpectedPurchases(40, history).Should().BeApproximately(at.ConditionalExpectedPurchases(40, history), 1e-7);
    }

    [Fact]
    public void ConditionalExpectation_ForANewCustomer_IsTheUnconditionalOne()
    {
        var model = new BgNbdModel(0.242595, 4.413602, 0.792922, 2.425907);

        model.ConditionalExpectedPurchases(39, new PurchaseHistory(0, 0, 0)).Should().BeApproximately(model.ExpectedPurchases(39), 1e-12);
    }

    [Fact]
    public void ConditionalExpectation_LargeFrequency_StaysFinite()
    {
        // x = 500 would overflow a direct 2F1(r+x, b+x; a+b+x−1; z) series; Euler's transformation keeps the terms bounded.
        var model = new BgNbdModel(0.242595, 4.413602, 0.792922, 2.425907);

        var value = model.ConditionalExpectedPurchases(39, new PurchaseHistory(500, 38, 38.5));

        double.IsFinite(value).Should().BeTrue();
        value.Should().BeInRange(0, 600);
    }

    [Fact]
    public void ProbabilityOfPurchases_SumsToOne()
    {
        var model = new BgNbdModel(0.8, 3, 0.7, 2);

        Enumerable.Range(0, 400).Sum(n => model.ProbabilityOfPurchases(n, 20)).Should().BeApproximately(1, 1e-9);
        model.ProbabilityOfPurchases(0, 0).Should().Be(1);
        model.ProbabilityOfPurchases(3, 0).Should().Be(0);
    }

    [Fact]
    public void ProbabilityOfPurchases_MeanIsTheExpectedPurchases()
    {
        var model = new BgNbdModel(0.8, 3, 1.7, 2);

        Enumerable.Range(0, 600).Sum(n => n * model.ProbabilityOfPurchases(n, 20)).Should().BeApproximately(model.ExpectedPurchases(20), 1e-8);
    }

    [Fact]
    public void NegativeHorizon_Throws()
    {
        var act = () => Unit.ExpectedPurchases(-1);
        var act2 = () => Unit.ConditionalExpectedPurchases(double.NaN, default);
        var act3 = () => Unit.ProbabilityOfPurchases(-1, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("t");
        act2.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("t");
        act3.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n");
    }

    [Fact]
    public void Fit_EmptyInput_Throws()
    {
        var act = () => BgNbdModel.Fit([]);

        act.Should().Throw<ArgumentException>().WithMessage("A BG/NBD fit needs at least one customer history.*");
    }

    [Fact]
    public void Fit_Null_Throws()
    {
        var act = () => BgNbdModel.Fit(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Fit_ReportsTheDataItSaw()
    {
        var fit = BgNbdModel.Fit(Simulator.BgNbd(500, 0.5, 5, 0.8, 2.5, seed: 3));

        fit.Customers.Should().Be(500);
        fit.RepeatCustomers.Should().BeGreaterThan(0);
        fit.Diagnostics.StartingPoints.Should().Be(1);
        double.IsFinite(fit.LogLikelihood).Should().BeTrue();
    }

    [Property(MaxTest = 100)]
    public bool ProbabilityAlive_IsAProbability(byte rb, byte alphab, byte ab, byte bb, byte x, byte tx, byte extra)
    {
        var model = Model(rb, alphab, ab, bb);
        var history = x == 0 ? new PurchaseHistory(0, 0, extra) : new PurchaseHistory(x, tx, tx + (double)extra);
        var p = model.ProbabilityAlive(history);
        return p is >= 0 and <= 1;
    }

    [Property(MaxTest = 100)]
    public bool Expectations_AreNonNegativeAndMonotoneInT(byte rb, byte alphab, byte ab, byte bb, byte x, byte tx, byte extra)
    {
        var model = Model(rb, alphab, ab, bb);
        var history = x == 0 ? new PurchaseHistory(0, 0, extra) : new PurchaseHistory(x, tx, tx + (double)extra);
        var previous = 0.0;
        var previousConditional = 0.0;
        foreach (var t in new[] { 0.5, 1, 5, 20, 52, 104 })
        {
            var e = model.ExpectedPurchases(t);
            var c = model.ConditionalExpectedPurchases(t, history);
            if (!(e >= previous - 1e-12) || !(c >= previousConditional - 1e-12))
            {
                return false;
            }

            (previous, previousConditional) = (e, c);
        }

        return true;
    }

    // Kahan's accurate e^y − 1 (the test's own, so the check does not lean on the library's helper).
    private static double ExpM1(double y)
    {
        var u = Math.Exp(y);
        return u == 1 ? y : (u - 1) * y / Math.Log(u);
    }

    private static BgNbdModel Model(byte r, byte alpha, byte a, byte b)
        => new(0.05 + (r / 40.0), 0.5 + (alpha / 10.0), 0.05 + (a / 50.0), 0.05 + (b / 30.0));
}
