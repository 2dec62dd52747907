namespace Crm.Metrics.Clv;

/// <summary>The BG/BB log-likelihood of weighted patterns with its exact gradient in (α, β, γ, δ), by forward-mode differentiation.</summary>
/// <remarks>
/// Patterns are already weighted (each carries its number of customers); identical patterns given separately are merged.
/// lnB(α, β) and lnB(γ, δ) are taken once per evaluation. The optimiser differences the exact gradient for the Hessian.
/// </remarks>
internal sealed class BgBbLikelihood : ILogLikelihood
{
    private readonly (int X, int Recency, int N)[] _patterns;
    private readonly double[] _weights;

    public BgBbLikelihood(IReadOnlyList<DiscretePurchaseHistory> patterns)
    {
        var groups = new Dictionary<(int, int, int), double>();
        foreach (var h in patterns)
        {
            var key = (h.Frequency, h.Recency, h.Opportunities);
            groups[key] = groups.GetValueOrDefault(key) + h.Customers;
            Weight += h.Customers;
        }

        _patterns = [.. groups.Keys];
        _weights = [.. groups.Values];
    }

    public int Dimension => 4;

    public double Weight { get; }

    public bool HasHessian => false;

    public double Evaluate(double[] parameters, double[] gradient, double[]? hessian)
    {
        var alpha = Dual.Variable(parameters[0], 0);
        var beta = Dual.Variable(parameters[1], 1);
        var gamma = Dual.Variable(parameters[2], 2);
        var delta = Dual.Variable(parameters[3], 3);
        var logBab = Dual.BetaLn(alpha, beta);
        var logBgd = Dual.BetaLn(gamma, delta);
        Dual total = 0;
        for (var k = 0; k < _patterns.Length; k++)
        {
            total += PatternLogLikelihood(alpha, beta, gamma, delta, logBab, logBgd, _patterns[k]) * _weights[k];
        }

        total.CopyGradientTo(gradient);
        return total.V;
    }

    /// <summary>The log-likelihood of one pattern (the formula of <see cref="BgBbModel"/>), with its gradient.</summary>
    internal static Dual PatternLogLikelihood(Dual alpha, Dual beta, Dual gamma, Dual delta, Dual logBab, Dual logBgd, (int X, int Recency, int N) pattern)
    {
        var (x, tx, n) = pattern;
        var log = Dual.BetaLn(alpha + x, beta + (n - x)) - logBab + Dual.BetaLn(gamma, delta + n) - logBgd;
        for (var i = 0; i <= n - tx - 1; i++)
        {
            log = Dual.LogSumExp(log, Dual.BetaLn(alpha + x, beta + (tx - x + i)) - logBab + Dual.BetaLn(gamma + 1, delta + (tx + i)) - logBgd);
        }

        return log;
    }
}
