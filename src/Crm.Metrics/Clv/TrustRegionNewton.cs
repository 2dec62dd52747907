namespace Crm.Metrics.Clv;

/// <summary>
/// Maximises a log-likelihood over positive parameters: Newton's method with a trust region, in the logarithms of the
/// parameters, on the objective −LL/n, from one start, falling back to the next start only when a start fails.
/// </summary>
/// <remarks>
/// Hand-written rather than MathNet's optimisers because it needs three things they do not give together: one fused
/// evaluation of value, gradient and Hessian per iteration (the per-customer logarithms dominate the cost and are shared),
/// a trust region that copes with an indefinite Hessian far from the optimum (Levenberg–Marquardt shift of the Hessian,
/// Moré–Sorensen style radius updates), and the Hessian at the optimum kept for the standard errors. Near the optimum it
/// converges quadratically, so a fit costs about as many likelihood evaluations as iterations (10–20 on CDNOW).
/// </remarks>
internal static class TrustRegionNewton
{
    /// <summary>Convergence: the largest gradient component of −LL/n with respect to the log-parameters.</summary>
    public const double ScaledGradientTolerance = 1e-9;

    private const int MaxIterations = 200;
    private const double InteriorLow = 1e-6;
    private const double InteriorHigh = 1e6;

    public static (double[] Parameters, double LogLikelihood, FitDiagnostics Diagnostics) Maximize(ILogLikelihood likelihood, IReadOnlyList<double[]> starts, IReadOnlyList<string> names)
    {
        var evaluations = 0;
        var iterations = 0;
        var failed = 0;
        Result? best = null;
        foreach (var start in starts)
        {
            var result = Run(likelihood, start, ref evaluations, ref iterations);
            if (result.Converged)
            {
                best = result;
                break;
            }

            failed++;
            if (result.Finite && (best is null || result.Value < best.Value))
            {
                best = result;
            }
        }

        if (best is null)
        {
            throw new InvalidOperationException("The likelihood could not be maximised from any starting point: it was not finite at any of them.");
        }

        var d = likelihood.Dimension;
        var p = new double[d];
        for (var i = 0; i < d; i++)
        {
            p[i] = Math.Exp(best.Theta[i]);
        }

        var n = likelihood.Weight;
        var standardErrors = StandardErrors(best, p, n);
        var maxGradient = 0.0;
        for (var i = 0; i < d; i++)
        {
            maxGradient = Math.Max(maxGradient, Math.Abs(best.Gradient[i]) * n);
        }

        var tried = Math.Min(starts.Count, failed + 1);
        var diagnostics = new FitDiagnostics(best.Converged, maxGradient, ScaledGradientTolerance * n, tried, failed, iterations, evaluations, names, standardErrors);
        return (p, -best.Value * n, diagnostics);
    }

    private sealed class Result(double[] theta, double value, double[] gradient, double[] hessian, bool converged, bool finite)
    {
        public double[] Theta { get; } = theta;

        public double Value { get; } = value;

        public double[] Gradient { get; } = gradient;

        public double[] Hessian { get; } = hessian;

        public bool Converged { get; } = converged;

        public bool Finite { get; } = finite;
    }

    /// <summary>f(θ) = −LL(e^θ)/n with gradient and Hessian in θ; +∞ where LL is not finite.</summary>
    private static double Objective(ILogLikelihood likelihood, double[] theta, double[] g, double[] h, ref int evaluations)
    {
        var d = theta.Length;
        var p = new double[d];
        for (var i = 0; i < d; i++)
        {
            p[i] = Math.Exp(theta[i]);
            if (!(p[i] > 0) || !double.IsFinite(p[i]))
            {
                return double.PositiveInfinity;
            }
        }

        evaluations++;
        var gp = new double[d];
        var hp = new double[d * d];
        var ll = likelihood.Evaluate(p, gp, likelihood.HasHessian ? hp : null);
        if (!double.IsFinite(ll))
        {
            return double.PositiveInfinity;
        }

        for (var i = 0; i < d; i++)
        {
            if (!double.IsFinite(gp[i]))
            {
                return double.PositiveInfinity;
            }
        }

        var scale = -1 / likelihood.Weight;
        for (var i = 0; i < d; i++)
        {
            g[i] = scale * p[i] * gp[i];
        }

        if (likelihood.HasHessian)
        {
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    h[(i * d) + j] = scale * p[i] * p[j] * hp[(i * d) + j];
                }

                h[(i * d) + i] += g[i];
            }
        }
        else
        {
            DifferentiateGradient(likelihood, theta, g, h, ref evaluations);
        }

        return scale * ll;
    }

    /// <summary>The Hessian in θ by forward differences of the exact gradient, symmetrised (for models without an analytic Hessian).</summary>
    private static void DifferentiateGradient(ILogLikelihood likelihood, double[] theta, double[] g, double[] h, ref int evaluations)
    {
        var d = theta.Length;
        var shifted = new double[d];
        var gp = new double[d];
        var p = new double[d];
        var scale = -1 / likelihood.Weight;
        for (var j = 0; j < d; j++)
        {
            var step = 1e-6 * Math.Max(1, Math.Abs(theta[j]));
            Array.Copy(theta, shifted, d);
            shifted[j] += step;
            for (var i = 0; i < d; i++)
            {
                p[i] = Math.Exp(shifted[i]);
            }

            evaluations++;
            var ll = likelihood.Evaluate(p, gp, null);
            for (var i = 0; i < d; i++)
            {
                var column = double.IsFinite(ll) ? ((scale * p[i] * gp[i]) - g[i]) / step : double.NaN;
                h[(i * d) + j] = column;
            }
        }

        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var mean = (h[(i * d) + j] + h[(j * d) + i]) / 2;
                h[(i * d) + j] = mean;
                h[(j * d) + i] = mean;
            }
        }
    }

    private static Result Run(ILogLikelihood likelihood, double[] start, ref int evaluations, ref int iterations)
    {
        var d = likelihood.Dimension;
        var theta = start.Select(x => Math.Log(x)).ToArray();
        var g = new double[d];
        var h = new double[d * d];
        var f = Objective(likelihood, theta, g, h, ref evaluations);
        if (!double.IsFinite(f) || h.Any(v => !double.IsFinite(v)))
        {
            return new Result(theta, double.PositiveInfinity, g, h, false, false);
        }

        var radius = 1.0;
        var trial = new double[d];
        var gt = new double[d];
        var ht = new double[d * d];
        var step = new double[d];
        for (var k = 0; k < MaxIterations; k++)
        {
            if (MaxAbs(g) <= ScaledGradientTolerance)
            {
                return new Result(theta, f, g, h, Interior(theta) && PositiveDefinite(h), true);
            }

            iterations++;
            var predicted = Step(g, h, radius, step);
            for (var i = 0; i < d; i++)
            {
                trial[i] = theta[i] + step[i];
            }

            var ft = Objective(likelihood, trial, gt, ht, ref evaluations);
            var actual = f - ft;
            var ratio = predicted > 0 ? actual / predicted : -1;
            var stepLength = Norm(step);
            if (double.IsFinite(ft) && ht.All(double.IsFinite) && (ratio > 1e-4 || (actual >= 0 && predicted <= 1e-15 * Math.Abs(f))))
            {
                (theta, trial) = (trial, theta);
                (g, gt) = (gt, g);
                (h, ht) = (ht, h);
                f = ft;
                if (ratio > 0.75 && stepLength >= 0.99 * radius)
                {
                    radius = Math.Min(2 * radius, 10);
                }
                else if (ratio < 0.25)
                {
                    radius = stepLength / 4;
                }
            }
            else
            {
                radius = stepLength / 4;
            }

            if (radius < 1e-14)
            {
                break;
            }
        }

        return new Result(theta, f, g, h, MaxAbs(g) <= ScaledGradientTolerance && Interior(theta) && PositiveDefinite(h), double.IsFinite(f));
    }

    /// <summary>
    /// The step minimising the quadratic model within the radius: the Newton step when the Hessian is positive definite and the
    /// step fits, else (H + λI)⁻¹(−g) with λ raised until H + λI is positive definite and the step fits. Returns the
    /// predicted decrease.
    /// </summary>
    private static double Step(double[] g, double[] h, double radius, double[] step)
    {
        var d = g.Length;
        var lambda = 0.0;
        var scaleOfH = 0.0;
        for (var i = 0; i < d; i++)
        {
            scaleOfH = Math.Max(scaleOfH, Math.Abs(h[(i * d) + i]));
        }

        var floor = Math.Max(scaleOfH, 1e-12) * 1e-10;
        var shifted = new double[d * d];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            Array.Copy(h, shifted, h.Length);
            for (var i = 0; i < d; i++)
            {
                shifted[(i * d) + i] += lambda;
            }

            if (Cholesky(shifted, d) && Solve(shifted, g, step, d) && Norm(step) <= radius * (1 + 1e-9))
            {
                break;
            }

            lambda = lambda == 0 ? floor + (Norm(g) / radius) * 1e-3 : lambda * 4;
        }

        // Predicted decrease of the quadratic model: −(gᵀs + ½ sᵀHs).
        var gs = 0.0;
        var shs = 0.0;
        for (var i = 0; i < d; i++)
        {
            gs += g[i] * step[i];
            for (var j = 0; j < d; j++)
            {
                shs += step[i] * h[(i * d) + j] * step[j];
            }
        }

        return -(gs + (shs / 2));
    }

    /// <summary>In-place Cholesky factor (lower triangle) of a d × d matrix; false unless positive definite.</summary>
    internal static bool Cholesky(double[] m, int d)
    {
        for (var j = 0; j < d; j++)
        {
            var sum = m[(j * d) + j];
            for (var k = 0; k < j; k++)
            {
                sum -= m[(j * d) + k] * m[(j * d) + k];
            }

            if (!(sum > 0) || !double.IsFinite(sum))
            {
                return false;
            }

            var diagonal = Math.Sqrt(sum);
            m[(j * d) + j] = diagonal;
            for (var i = j + 1; i < d; i++)
            {
                var s = m[(i * d) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= m[(i * d) + k] * m[(j * d) + k];
                }

                m[(i * d) + j] = s / diagonal;
            }
        }

        return true;
    }

    /// <summary>Solves L Lᵀ x = −g with the factor from <see cref="Cholesky"/>.</summary>
    private static bool Solve(double[] l, double[] g, double[] x, int d)
    {
        for (var i = 0; i < d; i++)
        {
            var s = -g[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[(i * d) + k] * x[k];
            }

            x[i] = s / l[(i * d) + i];
        }

        for (var i = d - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var k = i + 1; k < d; k++)
            {
                s -= l[(k * d) + i] * x[k];
            }

            x[i] = s / l[(i * d) + i];
        }

        return x.All(double.IsFinite);
    }

    /// <summary>
    /// Standard errors from the observed information: the Hessian of −LL in the natural parameters,
    /// H_p = D⁻¹ (H_θ − diag(g_θ)) D⁻¹ with D = diag(p), inverted; NaN when it is not positive definite.
    /// </summary>
    private static double[] StandardErrors(Result result, double[] p, double n)
    {
        var d = p.Length;
        var info = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var value = result.Hessian[(i * d) + j] - (i == j ? result.Gradient[i] : 0);
                info[(i * d) + j] = value * n / (p[i] * p[j]);
            }
        }

        var se = new double[d];
        if (!Cholesky(info, d))
        {
            Array.Fill(se, double.NaN);
            return se;
        }

        var unit = new double[d];
        var column = new double[d];
        for (var j = 0; j < d; j++)
        {
            Array.Clear(unit);
            unit[j] = -1; // Solve computes the solution of L Lᵀ x = −b.
            Solve(info, unit, column, d);
            se[j] = Math.Sqrt(column[j]);
        }

        return se;
    }

    /// <summary>Whether the Hessian of the objective is positive definite: a proper minimum, every parameter identified.</summary>
    private static bool PositiveDefinite(double[] h)
    {
        var copy = (double[])h.Clone();
        return Cholesky(copy, (int)Math.Sqrt(h.Length));
    }

    private static bool Interior(double[] theta)
    {
        foreach (var t in theta)
        {
            var p = Math.Exp(t);
            if (p is <= InteriorLow or >= InteriorHigh)
            {
                return false;
            }
        }

        return true;
    }

    private static double MaxAbs(double[] v)
    {
        var max = 0.0;
        foreach (var x in v)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        return max;
    }

    private static double Norm(double[] v)
    {
        var sum = 0.0;
        foreach (var x in v)
        {
            sum += x * x;
        }

        return Math.Sqrt(sum);
    }
}
