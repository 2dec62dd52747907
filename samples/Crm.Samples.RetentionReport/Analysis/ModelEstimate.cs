namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>A fitted model: its parameters, log-likelihood, how many customers it was fitted on and whether it converged.</summary>
/// <param name="Parameters">The parameters in the model's order.</param>
/// <param name="LogLikelihood">The maximised log-likelihood.</param>
/// <param name="Customers">The customers the model was fitted on.</param>
/// <param name="Converged">Whether the optimiser met its gradient tolerance.</param>
internal sealed record ModelEstimate(IReadOnlyList<ModelParameter> Parameters, double LogLikelihood, int Customers, bool Converged)
{
    /// <summary>The estimate of the parameter named <paramref name="name"/>.</summary>
    public double this[string name] => Parameters.First(p => p.Name == name).Estimate;
}
