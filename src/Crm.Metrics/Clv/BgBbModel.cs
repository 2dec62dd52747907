using System.Globalization;
using MathNet.Numerics;

namespace Crm.Metrics.Clv;

/// <summary>The BG/BB ("beta-geometric / beta-Bernoulli") model of repeat purchasing at discrete opportunities (yearly donations, annual events…).</summary>
/// <remarks>
/// <para>
/// Source: Fader, Hardie &amp; Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
/// <em>Marketing Science</em> 29(6), 1086–1108. While alive a customer buys at each opportunity with probability p ~ Beta(α, β);
/// before each opportunity they drop out with probability θ ~ Beta(γ, δ).
/// </para>
/// <para>
/// L(x, t_x, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ) + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ),
/// summed in log space. The expectations are sums over the future opportunities (no closed form with γ − 1 in a denominator).
/// </para>
/// </remarks>
public sealed class BgBbModel
{
    /// <summary>Creates a model from known parameters.</summary>
    /// <param name="alpha">First shape of the beta distribution of purchase probabilities.</param>
    /// <param name="beta">Second shape of the beta distribution of purchase probabilities.</param>
    /// <param name="gamma">First shape of the beta distribution of drop-out probabilities.</param>
    /// <param name="delta">Second shape of the beta distribution of drop-out probabilities.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number; the message names it.</exception>
    public BgBbModel(double alpha, double beta, double gamma, double delta)
    {
        Alpha = Numerics.Positive(alpha, nameof(alpha));
        Beta = Numerics.Positive(beta, nameof(beta));
        Gamma = Numerics.Positive(gamma, nameof(gamma));
        Delta = Numerics.Positive(delta, nameof(delta));
    }

    /// <summary>α: first shape of the purchase-probability distribution.</summary>
    public double Alpha { get; }

    /// <summary>β: second shape of the purchase-probability distribution.</summary>
    public double Beta { get; }

    /// <summary>γ: first shape of the drop-out-probability distribution.</summary>
    public double Gamma { get; }

    /// <summary>δ: second shape of the drop-out-probability distribution.</summary>
    public double Delta { get; }

    /// <summary>Fits the model to weighted patterns by maximum likelihood.</summary>
    /// <remarks>
    /// Newton's method in a trust region with the exact gradient (forward-mode differentiation through the beta functions) and a
    /// Hessian differenced from it (see <see cref="FitDiagnostics"/>), from α = β = γ = δ = 1, moving to three further starts
    /// only if it fails.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="patterns"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="patterns"/> is empty or holds a default (unvalidated) pattern.</exception>
    public static BgBbFit Fit(IEnumerable<DiscretePurchaseHistory> patterns)
    {
        var list = Validate(patterns);
        if (list.Count == 0)
        {
            throw new ArgumentException("A BG/BB fit needs at least one pattern.", nameof(patterns));
        }

        double[][] starts = [[1, 1, 1, 1], [0.5, 0.5, 0.5, 2], [2, 1, 1, 5], [1, 3, 0.3, 1]];
        var (p, logLikelihood, diagnostics) = TrustRegionNewton.Maximize(new BgBbLikelihood(list), starts, ["alpha", "beta", "gamma", "delta"]);
        return new BgBbFit(new BgBbModel(p[0], p[1], p[2], p[3]), list.Sum(h => h.Customers), list.Count, logLikelihood, diagnostics);
    }

    /// <summary>The log-likelihood of weighted patterns under this model (each pattern's log-likelihood times its count).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="patterns"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="patterns"/> holds a default (unvalidated) pattern.</exception>
    public double LogLikelihood(IEnumerable<DiscretePurchaseHistory> patterns)
        => LogLikelihood(Alpha, Beta, Gamma, Delta, Validate(patterns));

    /// <summary>P(alive at n + 1 | x, t_x, n): the probability that a customer with this pattern is still alive at the next opportunity.</summary>
    /// <exception cref="ArgumentException"><paramref name="history"/> is a default (unvalidated) pattern.</exception>
    public double ProbabilityAlive(DiscretePurchaseHistory history)
    {
        Validate([history]);
        var n = history.Opportunities;
        var log = SpecialFunctions.BetaLn(Alpha + history.Frequency, Beta + n - history.Frequency) - SpecialFunctions.BetaLn(Alpha, Beta)
            + SpecialFunctions.BetaLn(Gamma, Delta + n + 1) - SpecialFunctions.BetaLn(Gamma, Delta)
            - LogLikelihood(Alpha, Beta, Gamma, Delta, history);
        return Math.Clamp(Math.Exp(log), 0, 1);
    }

    /// <summary>E[X(n, n + n*) | x, t_x, n]: the expected number of purchases at the next <paramref name="futureOpportunities"/> opportunities.</summary>
    /// <remarks>Σ_{j=1}^{n*} B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+j)/B(γ, δ) / L(x, t_x, n).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="futureOpportunities"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> is a default (unvalidated) pattern.</exception>
    public double ConditionalExpectedPurchases(int futureOpportunities, DiscretePurchaseHistory history)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(futureOpportunities);
        Validate([history]);
        var n = history.Opportunities;
        var x = history.Frequency;
        var logBuy = SpecialFunctions.BetaLn(Alpha + x + 1, Beta + n - x) - SpecialFunctions.BetaLn(Alpha, Beta)
            - SpecialFunctions.BetaLn(Gamma, Delta) - LogLikelihood(Alpha, Beta, Gamma, Delta, history);
        var total = 0.0;
        for (var j = 1; j <= futureOpportunities; j++)
        {
            total += Math.Exp(logBuy + SpecialFunctions.BetaLn(Gamma, Delta + n + j));
        }

        return total;
    }

    /// <summary>E[X(n)]: the expected number of purchases of a new customer at their first <paramref name="opportunities"/> opportunities.</summary>
    /// <remarks>α/(α+β) · Σ_{j=1}^{n} B(γ, δ+j)/B(γ, δ).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="opportunities"/> is negative.</exception>
    public double ExpectedPurchases(int opportunities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opportunities);
        var total = 0.0;
        var logB = SpecialFunctions.BetaLn(Gamma, Delta);
        for (var j = 1; j <= opportunities; j++)
        {
            total += Math.Exp(SpecialFunctions.BetaLn(Gamma, Delta + j) - logB);
        }

        return Alpha / (Alpha + Beta) * total;
    }

    /// <summary>The parameters as "BG/BB(α = …, β = …, γ = …, δ = …)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"BG/BB(α = {Alpha:G6}, β = {Beta:G6}, γ = {Gamma:G6}, δ = {Delta:G6})");

    private static double LogLikelihood(double alpha, double beta, double gamma, double delta, IReadOnlyList<DiscretePurchaseHistory> patterns)
    {
        var total = 0.0;
        foreach (var h in patterns)
        {
            total += h.Customers * LogLikelihood(alpha, beta, gamma, delta, h);
        }

        return total;
    }

    private static double LogLikelihood(double alpha, double beta, double gamma, double delta, DiscretePurchaseHistory h)
    {
        var (x, tx, n) = (h.Frequency, h.Recency, h.Opportunities);
        var logBab = SpecialFunctions.BetaLn(alpha, beta);
        var logBgd = SpecialFunctions.BetaLn(gamma, delta);
        var log = SpecialFunctions.BetaLn(alpha + x, beta + n - x) - logBab + SpecialFunctions.BetaLn(gamma, delta + n) - logBgd;
        for (var i = 0; i <= n - tx - 1; i++)
        {
            log = Numerics.LogSumExp(log, SpecialFunctions.BetaLn(alpha + x, beta + tx - x + i) - logBab + SpecialFunctions.BetaLn(gamma + 1, delta + tx + i) - logBgd);
        }

        return log;
    }

    private static List<DiscretePurchaseHistory> Validate(IEnumerable<DiscretePurchaseHistory> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var list = patterns.ToList();
        if (list.Exists(h => !h.IsValid))
        {
            throw new ArgumentException("A pattern is the default value (n = 0); create patterns with the DiscretePurchaseHistory constructor.", nameof(patterns));
        }

        return list;
    }
}
