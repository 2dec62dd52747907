namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>One fitted model parameter with its asymptotic standard error.</summary>
/// <param name="Name">The parameter's name as the model states it (r, alpha, a, b; p, q, gamma).</param>
/// <param name="Estimate">The maximum-likelihood estimate.</param>
/// <param name="StandardError">The asymptotic standard error (NaN when the information matrix could not be inverted).</param>
internal sealed record ModelParameter(string Name, double Estimate, double StandardError);
