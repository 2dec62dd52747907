namespace Crm.Samples.RetentionReport.Generation;

/// <summary>The BG/NBD purchase process customers are drawn from: purchase rates λ ~ Gamma(r, α), dropout p ~ Beta(a, b).</summary>
/// <param name="R">r: shape of the purchase rates.</param>
/// <param name="Alpha">α: rate of the purchase rates, per week.</param>
/// <param name="A">a: first shape of the dropout probabilities.</param>
/// <param name="B">b: second shape of the dropout probabilities.</param>
internal sealed record BgNbdProcess(double R, double Alpha, double A, double B)
{
    /// <summary>The estimates of Fader, Hardie and Lee (2005) on the CDNOW sample, in weeks.</summary>
    public static BgNbdProcess Cdnow { get; } = new(0.243, 4.414, 0.793, 2.426);
}
