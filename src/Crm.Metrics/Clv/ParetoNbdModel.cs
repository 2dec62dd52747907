using System.Globalization;
using MathNet.Numerics;

namespace Crm.Metrics.Clv;

/// <summary>The Pareto/NBD model of repeat purchasing in a non-contractual setting (Schmittlein, Morrison &amp; Colombo 1987).</summary>
/// <remarks>
/// <para>
/// While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); their unobserved lifetime is exponential
/// with rate μ ~ Gamma(s, β). α and β are in the histories' time unit. Formulas from Fader &amp; Hardie (2005), "A Note on
/// Deriving the Pareto/NBD Model and Related Expressions", evaluated in log space.
/// </para>
/// <para>
/// Likelihood: L = Γ(r+x) α^r β^s / Γ(r) · [ 1/((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A₀ ], where, with
/// F(y, u) = 2F1(r+s+x, s+1 (α ≥ β) or r+x (α &lt; β); r+s+x+1; |α−β|/(y+u)) / (y+u)^(r+s+x) and y = max(α, β),
/// A₀ = F(y, t_x) − F(y, T). The 2F1 is evaluated with Euler's transformation, which turns it into a series of positive,
/// geometrically shrinking terms; A₀'s difference is taken as log F(t_x) + log(1 − e^(log F(T) − log F(t_x))).
/// </para>
/// </remarks>
public sealed class ParetoNbdModel : IRepeatPurchaseModel
{
    /// <summary>Creates a model from known parameters.</summary>
    /// <param name="r">Shape of the gamma distribution of purchase rates.</param>
    /// <param name="alpha">Scale of the gamma distribution of purchase rates, in the histories' time unit.</param>
    /// <param name="s">Shape of the gamma distribution of drop-out rates.</param>
    /// <param name="beta">Scale of the gamma distribution of drop-out rates, in the histories' time unit.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number; the message names it.</exception>
    public ParetoNbdModel(double r, double alpha, double s, double beta)
    {
        R = Numerics.Positive(r, nameof(r));
        Alpha = Numerics.Positive(alpha, nameof(alpha));
        S = Numerics.Positive(s, nameof(s));
        Beta = Numerics.Positive(beta, nameof(beta));
    }

    /// <summary>r: shape of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>α: scale of the gamma distribution of purchase rates.</summary>
    public double Alpha { get; }

    /// <summary>s: shape of the gamma distribution of drop-out rates.</summary>
    public double S { get; }

    /// <summary>β: scale of the gamma distribution of drop-out rates.</summary>
    public double Beta { get; }

    /// <summary>Fits the model to customer histories by maximum likelihood.</summary>
    /// <remarks>
    /// Newton's method in a trust region with the exact gradient (forward-mode differentiation through the hypergeometric
    /// series) and a Hessian differenced from it (see <see cref="FitDiagnostics"/>), from r = 1, α = mean T, s = 1, β = mean T,
    /// moving to four further starts only if it fails. β is often weakly identified (the likelihood is flat along a ridge in s and β); compare fits by log-likelihood, not by β alone.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="histories"/> is empty: there is nothing to fit.</exception>
    public static ParetoNbdFit Fit(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var data = new HistoryData(histories);
        if (data.Count == 0)
        {
            throw new ArgumentException("A Pareto/NBD fit needs at least one customer history.", nameof(histories));
        }

        var t = Math.Max(data.MeanAge, 1e-3);
        double[][] starts =
        [
            [1, t, 1, t],
            [1, 1, 1, 1],
            [0.5, t / 3, 0.5, t / 3],
            [0.25, t / 10, 1, t],
            [2, t, 0.3, t / 10],
        ];
        var (p, logLikelihood, diagnostics) = TrustRegionNewton.Maximize(new ParetoNbdLikelihood(data), starts, ["r", "alpha", "s", "beta"]);
        return new ParetoNbdFit(new ParetoNbdModel(p[0], p[1], p[2], p[3]), data.Count, data.RepeatCount, logLikelihood, diagnostics);
    }

    /// <summary>The log-likelihood of one history under this model.</summary>
    public double LogLikelihood(PurchaseHistory history) => LogLikelihood(R, Alpha, S, Beta, new HistoryData([history]));

    /// <summary>The log-likelihood of a set of histories under this model (the sum of theirs).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> is null.</exception>
    public double LogLikelihood(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return LogLikelihood(R, Alpha, S, Beta, new HistoryData(histories));
    }

    /// <summary>E[X(t)]: the expected number of repeat purchases of a new customer in their first <paramref name="t"/> time units.</summary>
    /// <remarks>E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)], continued at s = 1 by rβ/α · ln((β+t)/β).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    public double ExpectedPurchases(double t)
    {
        Numerics.NonNegative(t, nameof(t));
        return R * Beta / Alpha * Numerics.OneMinusExpOverEpsilon(S - 1, Numerics.Log1P(t / Beta));
    }

    /// <summary>E[Y(t) | x, t_x, T]: the expected number of purchases in the next <paramref name="t"/> time units of a customer with this history.</summary>
    /// <remarks>(r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive | x, t_x, T), continued at s = 1.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    public double ConditionalExpectedPurchases(double t, PurchaseHistory history)
    {
        Numerics.NonNegative(t, nameof(t));
        var bt = Beta + history.Age;
        var rate = (R + history.Frequency) * bt / (Alpha + history.Age);
        return rate * Numerics.OneMinusExpOverEpsilon(S - 1, Numerics.Log1P(t / bt)) * ProbabilityAlive(history);
    }

    /// <summary>P(alive | x, t_x, T): the probability that a customer with this history is still alive at T.</summary>
    /// <remarks>P(alive) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀); 1 when t_x = T.</remarks>
    public double ProbabilityAlive(PurchaseHistory history)
    {
        var x = history.Frequency;
        var logA0 = LogA0(R, Alpha, S, Beta, x, history.Recency, history.Age);
        if (double.IsNegativeInfinity(logA0))
        {
            return 1;
        }

        var log = Math.Log(S) - Math.Log(R + S + x) + ((R + x) * Math.Log(Alpha + history.Age)) + (S * Math.Log(Beta + history.Age)) + logA0;
        return double.IsNaN(log) ? 0 : 1 / (1 + Math.Exp(log));
    }

    /// <summary>P(X(t) = n): the probability that a new customer makes exactly <paramref name="n"/> repeat purchases in their first <paramref name="t"/> time units.</summary>
    /// <remarks>
    /// Conditioning on when the customer dies: alive throughout [0, t] with probability (β/(β+t))^s, or dead at τ &lt; t with
    /// density (s/β)(β/(β+τ))^(s+1), and in either case the purchases up to then are NBD, so
    /// P(X(t) = n) = NB(n; t)·(β/(β+t))^s + ∫₀ᵗ NB(n; τ)·(s/β)(β/(β+τ))^(s+1) dτ with
    /// NB(n; τ) = Γ(r+n)/(Γ(r) n!) · (α/(α+τ))^r (τ/(α+τ))^n (Fader, Hardie &amp; Lee 2005, "A Note on Deriving the Pareto/NBD
    /// Model and Related Expressions", §4, which gives the same quantity in 2F1 form). The integral of this smooth, bounded
    /// integrand is taken by adaptive Gauss–Kronrod quadrature to a relative error of 10⁻¹².
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

        var logCoefficient = SpecialFunctions.GammaLn(R + n) - SpecialFunctions.GammaLn(R) - SpecialFunctions.GammaLn(n + 1);
        double LogNb(double tau) => logCoefficient + (R * (Math.Log(Alpha) - Math.Log(Alpha + tau))) + (n == 0 ? 0 : n * (Math.Log(tau) - Math.Log(Alpha + tau)));
        var alive = Math.Exp(LogNb(t) + (S * (Math.Log(Beta) - Math.Log(Beta + t))));
        var logDeath = Math.Log(S) - Math.Log(Beta);
        double Integrand(double tau) => tau <= 0 && n > 0 ? 0 : Math.Exp(LogNb(tau) + logDeath + ((S + 1) * (Math.Log(Beta) - Math.Log(Beta + tau))));
        var dead = Integrate.GaussKronrod(Integrand, 0, t, out _, out _, 1e-12, 30, 21);
        return Math.Clamp(alive + dead, 0, 1);
    }

    /// <summary>The parameters as "Pareto/NBD(r = …, α = …, s = …, β = …)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Pareto/NBD(r = {R:G6}, α = {Alpha:G6}, s = {S:G6}, β = {Beta:G6})");

    internal static double LogLikelihood(double r, double alpha, double s, double beta, HistoryData data)
        => new ParetoNbdLikelihood(data).Evaluate([r, alpha, s, beta], new double[4], null);

    private static double LogA0(double r, double alpha, double s, double beta, int x, double recency, double age)
    {
        if (recency >= age)
        {
            return double.NegativeInfinity;
        }

        var a1 = r + s + x;
        var (y, b1) = alpha >= beta ? (alpha, s + 1) : (beta, r + x);
        var diff = Math.Abs(alpha - beta);
        var atRecency = Numerics.LogHyp2F1APlusOne(a1, b1, diff / (y + recency)) - (a1 * Math.Log(y + recency));
        var atAge = Numerics.LogHyp2F1APlusOne(a1, b1, diff / (y + age)) - (a1 * Math.Log(y + age));
        var d = atAge - atRecency;
        return d >= 0 ? double.NegativeInfinity : atRecency + Numerics.Log1MinusExp(d);
    }
}
