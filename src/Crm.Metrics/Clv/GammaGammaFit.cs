namespace Crm.Metrics.Clv;

/// <summary>The result of fitting a <see cref="GammaGammaModel"/>: the model, how many customers it used and left out, and how the fit went.</summary>
public sealed record GammaGammaFit
{
    internal GammaGammaFit(GammaGammaModel model, int customers, int oneTimeBuyers, int zeroSpendRepeatBuyers, double logLikelihood, FitDiagnostics diagnostics)
    {
        Model = model;
        Customers = customers;
        OneTimeBuyers = oneTimeBuyers;
        ZeroSpendRepeatBuyers = zeroSpendRepeatBuyers;
        LogLikelihood = logLikelihood;
        Diagnostics = diagnostics;
    }

    /// <summary>The fitted model (p, q, γ).</summary>
    public GammaGammaModel Model { get; }

    /// <summary>The number of customers fitted: those with x &gt; 0 and a positive mean repeat spend.</summary>
    public int Customers { get; }

    /// <summary>The customers left out because they had no repeat purchase (x = 0): there is no repeat spend to average.</summary>
    public int OneTimeBuyers { get; }

    /// <summary>The customers left out although they had a repeat purchase, because their mean repeat spend was 0 (outside the gamma distribution's support).</summary>
    public int ZeroSpendRepeatBuyers { get; }

    /// <summary>All customers left out: <see cref="OneTimeBuyers"/> + <see cref="ZeroSpendRepeatBuyers"/>.</summary>
    public int ExcludedCustomers => OneTimeBuyers + ZeroSpendRepeatBuyers;

    /// <summary>The maximised log-likelihood (of the fitted customers' mean spends).</summary>
    public double LogLikelihood { get; }

    /// <summary>Whether the optimiser reached an interior optimum; see <see cref="FitDiagnostics.Converged"/>.</summary>
    public bool Converged => Diagnostics.Converged;

    /// <summary>Details of the optimisation.</summary>
    public FitDiagnostics Diagnostics { get; }
}
