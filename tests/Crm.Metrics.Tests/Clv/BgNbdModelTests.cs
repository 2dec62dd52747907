using Crm.Metrics.Clv;
using FsCheck.Xunit;
using MathNet.Numerics;

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
        var integral = ExpectationByQuadrature(r, alpha, a, b, t);

        new BgNbdModel(r, alpha, a, b).ExpectedPurchases(t).Should().BeApproximately(integral, 1e-6 * Math.Max(1, integral)); // the quadrature, not the series, limits the agreement
    }

    [Fact]
    public void ExpectedPurchases_WithASmallPlusB_MatchesAHighPrecisionEvaluation()
    {
        // a + b < 1 makes the textbook 2F1's c = a + b − 1 negative; 8.880891561922357 is mpmath's 30-digit hyp2f1 value.
        new BgNbdModel(0.5, 1, 0.2, 0.3).ExpectedPurchases(50).Should().BeApproximately(8.880891561922357, 1e-11);
    }

    // References by SciPy quadrature of E[X(t)] = E_p[(1/p)(1 − (1 + p t/α)^−r)], p ~ Beta(a, b), over v = ln p in 400 pieces
    // (SciPy's own hyp2f1 returns NaN at these r, directly and after Pfaff's transformation, and is off in the 8th digit at r = 10⁴):
    // /usr/bin/python3 -c 'import numpy as np, scipy.special as s, scipy.integrate as i
    // r,al,a,b,t=1.2e7,6e7,0.8,2.4,9.8e6; lb=s.betaln(a,b); u=t/al
    // g=lambda v: np.exp((a-1)*v+(b-1)*np.log1p(-np.exp(v))-lb+(np.log(r)+v+np.log(u) if v+np.log(u)<-200 else np.log(-np.expm1(-r*np.log1p(np.exp(v)*u)))))
    // lo=-max(np.log(r*u),0)-40/a-40; e=list(-np.logspace(np.log10(-lo),-6,400))+[0.0]
    // print(repr(sum(i.quad(g,x,y,epsabs=0,epsrel=1e-13,limit=200)[0] for x,y in zip(e,e[1:]))))'
    // A second SciPy quadrature over p split at every decade agrees to 2·10⁻¹⁵ on the first four, 10⁻¹² on the last (a = 0.0004
    // puts most of the mass below p = 10⁻¹⁶), where a 50-digit evaluation of the series gives 2.35624998488153718 (1.4·10⁻¹⁰ off).
    [Theory]
    [InlineData(1.2e7, 6e7, 0.8, 2.4, 9.8e6, 165.91591435786708)] // z = t/(α+t) ≈ 0.14, −A·z ≈ 1.7·10⁶
    [InlineData(1.2e7, 6e7, 0.8, 2.4, 52, 4.998456923483739)]
    [InlineData(1e4, 5e4, 0.8, 2.4, 52, 4.998360752401354)] // −A·z ≈ 10: the alternating series would lose 4 digits here
    [InlineData(1e5, 5e5, 1.3, 2.4, 520, 6.23280552849203)]
    [InlineData(2.9e7, 4.8e8, 0.0004, 73444.7, 39, 2.3562499852065275)] // of the kind a fit on five customers returns (the quadrature: ±10⁻¹⁰)
    public void ExpectedPurchases_HugeR_MatchesQuadrature(double r, double alpha, double a, double b, double t, double expected)
        => new BgNbdModel(r, alpha, a, b).ExpectedPurchases(t).Should().BeApproximately(expected, 1e-9 * expected);

    [Fact]
    public void ExpectedPurchases_WhereTheSeriesFormChanges_IsContinuous()
    {
        // With a + b − 1 = 1.2 the series switches to the binomial form when (r − 1.2)·t/(α+t) passes 1: at r = 10 for
        // α = 5, t = 5/7.8 (t/(α+t) = 1/8.8). Both sides must agree with each other and with the quadrature.
        var t = 5 / 7.8;
        var below = new BgNbdModel(10 - 1e-11, 5, 0.8, 2.4).ExpectedPurchases(t);
        var above = new BgNbdModel(10 + 1e-11, 5, 0.8, 2.4).ExpectedPurchases(t);
        var reference = ExpectationByQuadrature(10, 5, 0.8, 2.4, t);

        above.Should().BeApproximately(below, 1e-11 * below); // r itself moves E by about 2·10⁻¹²
        below.Should().BeApproximately(reference, 1e-9 * reference);
    }

    [Fact]
    public void ConditionalExpectation_ParametersFittedOnFiveCustomers_IsFiniteAndMatchesQuadrature()
    {
        // Five alike customers leave no heterogeneity to estimate: the fit runs off to r and α of order 10⁷–10⁸.
        PurchaseHistory[] histories = [new(2, 30, 40), new(3, 35, 40), new(2, 28, 38), new(3, 36, 39), new(2, 33, 41)];
        var model = BgNbdModel.Fit(histories).Model;
        model.R.Should().BeGreaterThan(1e6);

        foreach (var t in new[] { 39.0, 1e6, model.Alpha / 6, model.Alpha })
        {
            foreach (var history in histories)
            {
                // Given x and T: (r, α, b) become (r + x, α + T, b + x), then times P(alive).
                var x = history.Frequency;
                var expected = ExpectationByQuadrature(model.R + x, model.Alpha + history.Age, model.A, model.B + x, t) * model.ProbabilityAlive(history);

                model.ConditionalExpectedPurchases(t, history).Should().BeApproximately(expected, 1e-7 * expected);
            }
        }
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

    // E_p[(1/p)(1 − (1 + p t/α)^−r)] for p ~ Beta(a, b): an evaluation that shares nothing with the 2F1 series. Integrated over
    // v = ln p (the density's p^(a−1) becomes e^(a v) · e^(−v) · p, and a tiny a spreads the mass over v down to about −40/a) on
    // 400 geometrically shrinking pieces towards v = 0, by 64-point Gauss–Legendre on each, in log space so nothing underflows.
    private static double ExpectationByQuadrature(double r, double alpha, double a, double b, double t)
    {
        var logBeta = SpecialFunctions.BetaLn(a, b);
        var logU = Math.Log(t / alpha);
        double Integrand(double v)
        {
            var x = Math.Exp(v + logU);
            var logH = v + logU < -200 ? Math.Log(r) + v + logU : Math.Log(-ExpM1(-r * Log1P(x)));
            return Math.Exp(((a - 1) * v) + ((b - 1) * Math.Log(-ExpM1(v))) - logBeta + logH);
        }

        var lower = -Math.Max(Math.Log(r) + logU, 0) - (40 / a) - 40;
        var shrink = Math.Pow(1e-6 / -lower, 1.0 / 399);
        var sum = 0.0;
        for (var k = 0; k < 400; k++)
        {
            var upper = k == 399 ? 0 : lower * shrink;
            sum += Integrate.GaussLegendre(Integrand, lower, upper, order: 64);
            lower = upper;
        }

        return sum;
    }

    // Kahan's accurate log(1 + x) (the test's own).
    private static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    // Kahan's accurate e^y − 1 (the test's own, so the check does not lean on the library's helper).
    private static double ExpM1(double y)
    {
        var u = Math.Exp(y);
        return u == 1 ? y : u < 1e-17 ? -1 : (u - 1) * y / Math.Log(u); // below 1e−17, e^y − 1 rounds to −1 (and Log(u) of a subnormal u is inexact)
    }

    private static BgNbdModel Model(byte r, byte alpha, byte a, byte b)
        => new(0.05 + (r / 40.0), 0.5 + (alpha / 10.0), 0.05 + (a / 50.0), 0.05 + (b / 30.0));
}
