namespace Crm.Samples.RetentionReport.Generation;

/// <summary>The Gamma-Gamma spend process: a customer's mean ν ~ Gamma(q, γ), each purchase z ~ Gamma(p, ν).</summary>
/// <param name="P">p: shape of one customer's purchase values.</param>
/// <param name="Q">q: shape of ν across customers.</param>
/// <param name="Gamma">γ: rate of ν across customers.</param>
internal sealed record GammaGammaSpend(double P, double Q, double Gamma)
{
    /// <summary>The estimates of Fader, Hardie and Lee on the CDNOW sample (mean purchase about $35).</summary>
    public static GammaGammaSpend Cdnow { get; } = new(6.25, 3.74, 15.44);
}
