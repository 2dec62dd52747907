using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Crm.Metrics.Clv;

/// <summary>Maximises a log-likelihood over positive parameters: multi-start Nelder–Mead in log space, then a BFGS polish.</summary>
internal static class MaximumLikelihood
{
    private const double Penalty = 1e300;
    private const double Step = 1e-5;

    public static (double[] Parameters, FitDiagnostics Diagnostics) Maximize(Func<double[], double> logLikelihood, IReadOnlyList<double[]> starts)
    {
        var evaluations = 0;
        var dimension = starts[0].Length;

        double Objective(Vector<double> v)
        {
            evaluations++;
            var p = new double[dimension];
            for (var i = 0; i < dimension; i++)
            {
                p[i] = Math.Exp(v[i]);
                if (!(p[i] > 0) || !double.IsFinite(p[i]))
                {
                    return Penalty;
                }
            }

            var ll = logLikelihood(p);
            return double.IsFinite(ll) ? -ll : Penalty;
        }

        Vector<double> Gradient(Vector<double> v)
        {
            var g = Vector<double>.Build.Dense(dimension);
            for (var i = 0; i < dimension; i++)
            {
                var up = v.Clone();
                var down = v.Clone();
                up[i] += Step;
                down[i] -= Step;
                g[i] = (Objective(up) - Objective(down)) / (2 * Step);
            }

            return g;
        }

        var function = ObjectiveFunction.Value(Objective);
        var perturbation = Vector<double>.Build.Dense(dimension, 0.5);
        Vector<double>? best = null;
        var bestValue = double.PositiveInfinity;
        var failed = 0;
        foreach (var start in starts)
        {
            try
            {
                var guess = Vector<double>.Build.Dense(start.Select(x => Math.Log(x)).ToArray());
                var first = NelderMeadSimplex.Minimum(function, guess, perturbation, 1e-12, 20_000);
                var restarted = NelderMeadSimplex.Minimum(function, first.MinimizingPoint, perturbation * 0.2, 1e-13, 20_000);
                var value = restarted.FunctionInfoAtMinimum.Value;
                if (value < bestValue)
                {
                    bestValue = value;
                    best = restarted.MinimizingPoint;
                }
            }
            catch (MaximumIterationsException)
            {
                failed++;
            }
        }

        if (best is null || bestValue >= Penalty)
        {
            throw new InvalidOperationException("The likelihood could not be maximised from any starting point: every simplex ran out of iterations or stayed where the likelihood is not finite.");
        }

        try
        {
            var polish = new BfgsMinimizer(1e-7, 1e-12, 1e-15, 500)
                .FindMinimum(ObjectiveFunction.Gradient(Objective, Gradient), best);
            if (polish.FunctionInfoAtMinimum.Value <= bestValue)
            {
                bestValue = polish.FunctionInfoAtMinimum.Value;
                best = polish.MinimizingPoint;
            }
        }
        catch (Exception e) when (e is OptimizationException or ArgumentException)
        {
            // The simplex optimum stands; the gradient check below judges it.
        }

        var gradient = Gradient(best);
        var maxGradient = gradient.AbsoluteMaximum();
        var parameters = best.Select(x => Math.Exp(x)).ToArray();
        var interior = parameters.All(p => p is > 1e-6 and < 1e6);
        // A gradient is judged relative to the size of the log-likelihood, which grows with the number of customers.
        var tolerance = Math.Max(1e-3, 1e-6 * Math.Abs(bestValue));
        var converged = interior && double.IsFinite(maxGradient) && maxGradient <= tolerance;
        return (parameters, new FitDiagnostics(-bestValue, converged, double.IsFinite(maxGradient) ? maxGradient : double.MaxValue, tolerance, starts.Count, failed, evaluations));
    }
}
