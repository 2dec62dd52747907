namespace Crm.Metrics.Clv;

/// <summary>The result of fitting a <see cref="ParetoNbdModel"/> by maximum likelihood: the model, the data it saw and how the fit went.</summary>
public sealed record ParetoNbdFit
{
    internal ParetoNbdFit(ParetoNbdModel model, int customers, int repeatCustomers, double logLikelihood, FitDiagnostics diagnostics)
    {
        Model = model;
        Customers = customers;
        RepeatCustomers = repeatCustomers;
        LogLikelihood = logLikelihood;
        Diagnostics = diagnostics;
    }

    /// <summary>The fitted model (r, α, s, β).</summary>
    public ParetoNbdModel Model { get; }

    /// <summary>The number of customer histories fitted.</summary>
    public int Customers { get; }

    /// <summary>How many of them had at least one repeat purchase (x &gt; 0).</summary>
    public int RepeatCustomers { get; }

    /// <summary>The maximised log-likelihood.</summary>
    public double LogLikelihood { get; }

    /// <summary>Whether the optimiser reached an interior optimum; see <see cref="FitDiagnostics.Converged"/>.</summary>
    public bool Converged => Diagnostics.Converged;

    /// <summary>Details of the optimisation.</summary>
    public FitDiagnostics Diagnostics { get; }
}
