namespace Crm.Metrics.Clv;

/// <summary>How a maximum-likelihood fit went: the log-likelihood reached and whether it is a trustworthy optimum.</summary>
/// <remarks>
/// Fits minimise −LL over the logarithms of the parameters (so every parameter stays positive) with MathNet's Nelder–Mead
/// simplex from several starting points, restart the simplex from the best point, then polish it with BFGS using
/// central-difference gradients. <see cref="Converged"/> is true when the largest gradient component with respect to the
/// log-parameters is at most <see cref="GradientTolerance"/> (max(10⁻³, 10⁻⁶·|LL|): the
/// likelihood grows with the number of customers) and no parameter ran off towards 0 or infinity
/// (outside 1e-6 … 1e6), the usual sign of a degenerate optimum.
/// </remarks>
public sealed record FitDiagnostics
{
    internal FitDiagnostics(double logLikelihood, bool converged, double maxAbsoluteGradient, double gradientTolerance, int startingPoints, int failedStartingPoints, int evaluations)
    {
        LogLikelihood = logLikelihood;
        Converged = converged;
        MaxAbsoluteGradient = maxAbsoluteGradient;
        GradientTolerance = gradientTolerance;
        StartingPoints = startingPoints;
        FailedStartingPoints = failedStartingPoints;
        Evaluations = evaluations;
    }

    /// <summary>The maximised log-likelihood of the data (natural log, with every constant of the model's density included).</summary>
    public double LogLikelihood { get; }

    /// <summary>Whether the optimiser stopped at an interior optimum with a near-zero gradient.</summary>
    public bool Converged { get; }

    /// <summary>The largest absolute component of the log-likelihood's gradient with respect to the log-parameters at the optimum.</summary>
    public double MaxAbsoluteGradient { get; }

    /// <summary>The gradient bound <see cref="Converged"/> is judged against.</summary>
    public double GradientTolerance { get; }

    /// <summary>The number of starting points tried.</summary>
    public int StartingPoints { get; }

    /// <summary>The number of starting points from which the simplex did not converge within its iteration limit.</summary>
    public int FailedStartingPoints { get; }

    /// <summary>The number of log-likelihood evaluations.</summary>
    public int Evaluations { get; }
}
