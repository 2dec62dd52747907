using System.Collections.ObjectModel;

namespace Crm.Metrics.Clv;

/// <summary>How a maximum-likelihood fit went: whether it is a trustworthy optimum, what it cost, and the standard errors of the estimates.</summary>
/// <remarks>
/// <para>
/// Fits minimise −LL/n over the logarithms of the parameters (so every parameter stays positive) with Newton's method in a
/// trust region, using the exact gradient and Hessian (BG/NBD, Gamma-Gamma) or the exact gradient and a Hessian differenced
/// from it (Pareto/NBD, BG/BB). They start from one point and move to the next of a short list only when a start fails.
/// </para>
/// <para>
/// <see cref="Converged"/> is true when the largest gradient component of the log-likelihood with respect to the
/// log-parameters is at most <see cref="GradientTolerance"/> (10⁻⁹ · n: the log-likelihood grows with the number of
/// customers n), the Hessian there is positive definite (a proper maximum at which every parameter is identified: with no
/// repeat buyer, for example, BG/NBD's a and b are not), and no parameter ran off towards 0 or infinity (outside 1e-6 … 1e6),
/// the usual sign of a degenerate optimum.
/// </para>
/// </remarks>
public sealed record FitDiagnostics
{
    internal FitDiagnostics(bool converged, double maxAbsoluteGradient, double gradientTolerance, int startingPoints, int failedStartingPoints, int iterations, int evaluations, IReadOnlyList<string> parameterNames, double[] standardErrors)
    {
        Converged = converged;
        MaxAbsoluteGradient = maxAbsoluteGradient;
        GradientTolerance = gradientTolerance;
        StartingPoints = startingPoints;
        FailedStartingPoints = failedStartingPoints;
        Iterations = iterations;
        Evaluations = evaluations;
        ParameterNames = new ReadOnlyCollection<string>([.. parameterNames]);
        StandardErrors = new ReadOnlyCollection<double>(standardErrors);
    }

    /// <summary>Whether the optimiser stopped at an interior, proper maximum with a near-zero gradient.</summary>
    public bool Converged { get; }

    /// <summary>The largest absolute component of the log-likelihood's gradient with respect to the log-parameters at the optimum.</summary>
    public double MaxAbsoluteGradient { get; }

    /// <summary>The gradient bound <see cref="Converged"/> is judged against.</summary>
    public double GradientTolerance { get; }

    /// <summary>The number of starting points tried: 1 unless the first failed.</summary>
    public int StartingPoints { get; }

    /// <summary>The number of starting points from which the optimiser did not converge.</summary>
    public int FailedStartingPoints { get; }

    /// <summary>The number of Newton iterations (accepted and rejected trust-region steps) over all starting points tried.</summary>
    public int Iterations { get; }

    /// <summary>The number of evaluations of the log-likelihood (each with its gradient, and Hessian where analytic), over all starting points tried.</summary>
    public int Evaluations { get; }

    /// <summary>The names of the parameters, in the order of the model's constructor and of <see cref="StandardErrors"/>.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The asymptotic standard errors of the estimates, in the order of <see cref="ParameterNames"/>.</summary>
    /// <remarks>
    /// Square roots of the diagonal of the inverse observed information (the Hessian of −LL in the natural parameters at the
    /// optimum). NaN when that Hessian is not positive definite (no proper optimum, or a parameter not identified).
    /// </remarks>
    public IReadOnlyList<double> StandardErrors { get; }
}
