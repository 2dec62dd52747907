using System.Globalization;
using MathNet.Numerics;

namespace Crm.Metrics.Clv;

/// <summary>The BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchasing in a non-contractual setting.</summary>
/// <remarks>
/// <para>
/// Source: Fader, Hardie &amp; Lee (2005), "'Counting Your Customers' the Easy Way: An Alternative to the Pareto/NBD Model",
/// <em>Marketing Science</em> 24(2), 275–284, and Fader &amp; Hardie's companion notes. While active, a customer buys as a Poisson
/// process with rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b). α is in the time
/// unit of the histories (e.g. weeks), r, a and b are unit-free. All formulas are evaluated in log space.
/// </para>
/// <para>
/// Likelihood of (x, t_x, T): L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / Γ(r) · [ (α+T)^−(r+x) + δ(x&gt;0) a/(b+x−1) · (α+t_x)^−(r+x) ].
/// The expectations use the Gauss hypergeometric function 2F1 (see the docs for the transformation used).
/// </para>
/// </remarks>
public sealed class BgNbdModel : IRepeatPurchaseModel
{
    /// <summary>Creates a model from known parameters.</summary>
    /// <param name="r">Shape of the gamma distribution of purchase rates.</param>
    /// <param name="alpha">Scale of the gamma distribution of purchase rates, in the histories' time unit.</param>
    /// <param name="a">First shape of the beta distribution of drop-out probabilities.</param>
    /// <param name="b">Second shape of the beta distribution of drop-out probabilities.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number; the message names it.</exception>
    public BgNbdModel(double r, double alpha, double a, double b)
    {
        R = Numerics.Positive(r, nameof(r));
        Alpha = Numerics.Positive(alpha, nameof(alpha));
        A = Numerics.Positive(a, nameof(a));
        B = Numerics.Positive(b, nameof(b));
    }

    /// <summary>r: shape of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>α: scale of the gamma distribution of purchase rates (mean rate r/α per time unit).</summary>
    public double Alpha { get; }

    /// <summary>a: first shape of the beta drop-out distribution.</summary>
    public double A { get; }

    /// <summary>b: second shape of the beta drop-out distribution.</summary>
    public double B { get; }

    /// <summary>Fits the model to customer histories by maximum likelihood.</summary>
    /// <remarks>
    /// Newton's method in a trust region with the exact gradient and Hessian (see <see cref="FitDiagnostics"/>), from the fixed
    /// robust start r = 1, α = mean T, a = 1, b = 1, moving to four further starts only if it fails. Customers with the same
    /// (x, t_x, T) are evaluated once with a weight, and large inputs are evaluated on every core.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="histories"/> is empty: there is nothing to fit.</exception>
    public static BgNbdFit Fit(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var data = new HistoryData(histories);
        if (data.Count == 0)
        {
            throw new ArgumentException("A BG/NBD fit needs at least one customer history.", nameof(histories));
        }

        var t = Math.Max(data.MeanAge, 1e-3);
        double[][] starts =
        [
            [1, t, 1, 1],
            [1, 1, 1, 1],
            [0.25, t / 10, 0.75, 2.5],
            [0.5, t / 2, 0.3, 0.3],
            [3, t, 3, 10],
        ];
        var (p, logLikelihood, diagnostics) = TrustRegionNewton.Maximize(new BgNbdLikelihood(data), starts, ["r", "alpha", "a", "b"]);
        return new BgNbdFit(new BgNbdModel(p[0], p[1], p[2], p[3]), data.Count, data.RepeatCount, logLikelihood, diagnostics);
    }

    /// <summary>The log-likelihood of one history under this model.</summary>
    public double LogLikelihood(PurchaseHistory history) => LogLikelihood(R, Alpha, A, B, new HistoryData([history]));

    /// <summary>The log-likelihood of a set of histories under this model (the sum of theirs).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> is null.</exception>
    public double LogLikelihood(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return LogLikelihood(R, Alpha, A, B, new HistoryData(histories));
    }

    /// <summary>E[X(t)]: the expected number of repeat purchases of a new customer in their first <paramref name="t"/> time units.</summary>
    /// <remarks>E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))] (FHL 2005, eq. 9), continued at a = 1.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite, or so long relative to α that the series does not converge (t/(α+t) within about 10⁻⁶ of 1, or r·t/(α+t) beyond about 10⁸; see the docs).</exception>
    public double ExpectedPurchases(double t)
    {
        Numerics.NonNegative(t, nameof(t));
        return Kernel(0, 0, t);
    }

    /// <summary>E[Y(t) | x, t_x, T]: the expected number of purchases in the next <paramref name="t"/> time units of a customer with this history.</summary>
    /// <remarks>
    /// E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive | x, t_x, T)
    /// (FHL 2005, eq. 10), continued at a = 1.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite, or so long relative to α + T that the series does not converge (t/(α+T+t) within about 10⁻⁶ of 1, or r·t/(α+T+t) beyond about 10⁸; see the docs).</exception>
    public double ConditionalExpectedPurchases(double t, PurchaseHistory history)
    {
        Numerics.NonNegative(t, nameof(t));
        return Kernel(history.Frequency, history.Age, t) * ProbabilityAlive(history);
    }

    /// <summary>P(alive | x, t_x, T): the probability that a customer with this history has not dropped out by T.</summary>
    /// <remarks>P(alive) = 1 / (1 + δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (FHL 2005, eq. 11); a customer with no repeat purchase is alive (the model lets customers drop out only right after a purchase).</remarks>
    public double ProbabilityAlive(PurchaseHistory history)
    {
        if (history.Frequency == 0)
        {
            return 1;
        }

        var x = history.Frequency;
        var log = Math.Log(A) - Math.Log(B + x - 1) + ((R + x) * (Math.Log(Alpha + history.Age) - Math.Log(Alpha + history.Recency)));
        return 1 / (1 + Math.Exp(log));
    }

    /// <summary>P(X(t) = n): the probability that a new customer makes exactly <paramref name="n"/> repeat purchases in their first <paramref name="t"/> time units.</summary>
    /// <remarks>
    /// FHL 2005, eq. 8: B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
    /// + δ(n&gt;0) · B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j&lt;n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j];
    /// the bracket, a negative-binomial upper tail, is computed as the regularised incomplete beta I_{t/(α+t)}(n, r) to avoid cancellation.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or <paramref name="t"/> is negative or not finite.</exception>
    public double ProbabilityOfPurchases(int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        Numerics.NonNegative(t, nameof(t));
        if (t == 0)
        {
            return n == 0 ? 1 : 0;
        }

        var logBeta = SpecialFunctions.BetaLn(A, B);
        var logP = Math.Log(Alpha) - Math.Log(Alpha + t);
        var logQ = Math.Log(t) - Math.Log(Alpha + t);
        var first = Math.Exp(SpecialFunctions.BetaLn(A, B + n) - logBeta
            + SpecialFunctions.GammaLn(R + n) - SpecialFunctions.GammaLn(R) - SpecialFunctions.GammaLn(n + 1)
            + (R * logP) + (n == 0 ? 0 : n * logQ));
        if (n == 0)
        {
            return first;
        }

        var second = Math.Exp(SpecialFunctions.BetaLn(A + 1, B + n - 1) - logBeta) * SpecialFunctions.BetaRegularized(n, R, t / (Alpha + t));
        return Math.Clamp(first + second, 0, 1);
    }

    /// <summary>The parameters as "BG/NBD(r = …, α = …, a = …, b = …)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"BG/NBD(r = {R:G6}, α = {Alpha:G6}, a = {A:G6}, b = {B:G6})");

    internal static double LogLikelihood(double r, double alpha, double a, double b, HistoryData data)
        => new BgNbdLikelihood(data).Evaluate([r, alpha, a, b], new double[4], null);

    private double Kernel(int x, double age, double t)
    {
        if (t == 0)
        {
            return 0;
        }

        var z = t / (Alpha + age + t);
        var value = Numerics.BgNbdKernel(A - 1, A + B - 1 - R, A + B + x - 1, z);
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, string.Create(CultureInfo.InvariantCulture, $"t = {t} is too long relative to α + T = {Alpha + age} for the hypergeometric series to converge."));
        }

        return Math.Max(value, 0);
    }
}
