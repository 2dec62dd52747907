namespace Crm.Metrics.Clv;

/// <summary>The result of fitting a <see cref="BgBbModel"/> by maximum likelihood: the model, the data it saw and how the fit went.</summary>
public sealed record BgBbFit
{
    internal BgBbFit(BgBbModel model, long customers, int patterns, double logLikelihood, FitDiagnostics diagnostics)
    {
        Model = model;
        Customers = customers;
        Patterns = patterns;
        LogLikelihood = logLikelihood;
        Diagnostics = diagnostics;
    }

    /// <summary>The fitted model (α, β, γ, δ).</summary>
    public BgBbModel Model { get; }

    /// <summary>The number of customers fitted (the sum of the patterns' counts).</summary>
    public long Customers { get; }

    /// <summary>The number of patterns fitted.</summary>
    public int Patterns { get; }

    /// <summary>The maximised log-likelihood.</summary>
    public double LogLikelihood { get; }

    /// <summary>Whether the optimiser reached an interior optimum; see <see cref="FitDiagnostics.Converged"/>.</summary>
    public bool Converged => Diagnostics.Converged;

    /// <summary>Details of the optimisation.</summary>
    public FitDiagnostics Diagnostics { get; }
}
