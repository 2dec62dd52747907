namespace Crm.Metrics.Clv;

/// <summary>The Pareto/NBD log-likelihood of grouped histories with its exact gradient in (r, α, s, β), by forward-mode differentiation.</summary>
/// <remarks>
/// The gradient is carried through the Euler-transformed 2F1 series term by term (<see cref="Dual"/>), so it is exact to
/// rounding; there is no closed-form Hessian, so the optimiser differences the exact gradient. lnΓ(r + x) is taken once per
/// distinct x; identical histories once, with a weight; chunks of histories run on every core.
/// </remarks>
internal sealed class ParetoNbdLikelihood(HistoryData data) : ILogLikelihood
{
    public int Dimension => 4;

    public double Weight => data.Count;

    public bool HasHessian => false;

    public double Evaluate(double[] parameters, double[] gradient, double[]? hessian)
    {
        var r = Dual.Variable(parameters[0], 0);
        var alpha = Dual.Variable(parameters[1], 1);
        var s = Dual.Variable(parameters[2], 2);
        var beta = Dual.Variable(parameters[3], 3);
        var total = Dual.GammaLn(r) * -data.Count;
        total += ((r * Dual.Log(alpha)) + (s * Dual.Log(beta))) * data.Count;
        for (var i = 0; i < data.DistinctFrequencies.Length; i++)
        {
            total += Dual.GammaLn(r + data.DistinctFrequencies[i]) * data.FrequencyWeight[i];
        }

        Span<double> sums = stackalloc double[5];
        sums.Clear();
        var zeros = data.ZeroAge.Length;
        ChunkedSum.Run(zeros + data.RepeatWeight.Length, sums, (start, end, acc) =>
        {
            Dual sum = 0;
            for (var i = start; i < end; i++)
            {
                var row = i < zeros
                    ? Row(r, alpha, s, beta, 0, 0, data.ZeroAge[i]) * data.ZeroWeight[i]
                    : Row(r, alpha, s, beta, data.RepeatFrequency[i - zeros], data.RepeatRecency[i - zeros], data.RepeatAge[i - zeros]) * data.RepeatWeight[i - zeros];
                sum += row;
            }

            acc[0] += sum.V;
            acc[1] += sum.D0;
            acc[2] += sum.D1;
            acc[3] += sum.D2;
            acc[4] += sum.D3;
        });
        total += new Dual(sums[0], sums[1], sums[2], sums[3], sums[4]);
        total.CopyGradientTo(gradient);
        return total.V;
    }

    /// <summary>The history's log-likelihood without lnΓ(r + x) − lnΓ(r) + r ln α + s ln β (added per x and per customer).</summary>
    private static Dual Row(Dual r, Dual alpha, Dual s, Dual beta, int x, double recency, double age)
    {
        var first = -((r + x) * Dual.Log(alpha + age)) - (s * Dual.Log(beta + age));
        var logA0 = LogA0(r, alpha, s, beta, x, recency, age);
        return double.IsNegativeInfinity(logA0.V) ? first : Dual.LogSumExp(first, Dual.Log(s) - Dual.Log(r + s + x) + logA0);
    }

    /// <summary>log A₀ as in <see cref="ParetoNbdModel"/>, with its gradient; −∞ when t_x = T.</summary>
    internal static Dual LogA0(Dual r, Dual alpha, Dual s, Dual beta, int x, double recency, double age)
    {
        if (recency >= age)
        {
            return double.NegativeInfinity;
        }

        var a1 = r + s + x;
        var (y, b1, diff) = alpha.V >= beta.V ? (alpha, s + 1, alpha - beta) : (beta, r + x, beta - alpha);
        var atRecency = LogHyp2F1APlusOne(a1, b1, diff / (y + recency)) - (a1 * Dual.Log(y + recency));
        var atAge = LogHyp2F1APlusOne(a1, b1, diff / (y + age)) - (a1 * Dual.Log(y + age));
        var d = atAge - atRecency;
        return d.V >= 0 ? double.NegativeInfinity : atRecency + Dual.Log1MinusExp(d);
    }

    /// <summary><see cref="Numerics.LogHyp2F1APlusOne"/> with its gradient, differentiating the series term by term.</summary>
    /// <remarks>No shortcut at z = 0 (α = β): the value is 0 there but the gradient is not.</remarks>
    private static Dual LogHyp2F1APlusOne(Dual a, Dual b, Dual z)
    {
        var c = a + 1 - b;
        Dual sum = 1;
        Dual term = 1;
        for (var k = 0; k < 10_000_000; k++)
        {
            term *= (c + k) / (a + 1 + k) * z;
            sum += term;
            if (term.V * z.V / (1 - z.V) <= 1e-16 * sum.V)
            {
                return ((1 - b) * Dual.Log1P(-z)) + Dual.Log(sum);
            }
        }

        return double.NaN;
    }
}
