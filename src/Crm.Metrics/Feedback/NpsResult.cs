using MathNet.Numerics.Distributions;

namespace Crm.Metrics.Feedback;

/// <summary>A Net Promoter Score with the counts it was computed from and its confidence interval.</summary>
/// <param name="Promoters">Answers of 9 or 10.</param>
/// <param name="Passives">Answers of 7 or 8.</param>
/// <param name="Detractors">Answers of 0 to 6.</param>
/// <param name="ConfidenceLevel">The confidence level of <see cref="Lower"/> and <see cref="Upper"/>, e.g. 0.95.</param>
/// <param name="Score">NPS = % promoters − % detractors, on −100…100; undefined without answers.</param>
/// <param name="PromoterShare">Promoters / all answers, a fraction 0–1; undefined without answers.</param>
/// <param name="DetractorShare">Detractors / all answers, a fraction 0–1; undefined without answers.</param>
/// <param name="StandardError">The standard error of <see cref="Score"/>, in NPS points; undefined without answers.</param>
/// <param name="Lower">The lower end of the normal-approximation confidence interval, clamped to −100; undefined without answers.</param>
/// <param name="Upper">The upper end of the normal-approximation confidence interval, clamped to 100; undefined without answers.</param>
/// <remarks>
/// <para>NPS = 100 × (P − D) / n with P promoters, D detractors and n all answers (passives included).</para>
/// <para>
/// Interval: each answer is a trinomial draw (promoter +1, passive 0, detractor −1), so the variance of the mean is
/// Var = (p_P + p_D − (p_P − p_D)²) / n with p_P = P/n, p_D = D/n; SE = 100 × √Var, and the interval is
/// NPS ± z × SE with z the standard normal quantile at (1 + level) / 2, clamped to [−100, 100]. This is the standard
/// Wald (normal-approximation) interval for a difference of two proportions from one multinomial sample; it is poor
/// for small n or shares near 0 or 1 (a sample of only promoters gives a zero-width interval).
/// </para>
/// </remarks>
public sealed record NpsResult(
    long Promoters,
    long Passives,
    long Detractors,
    double ConfidenceLevel,
    MetricValue Score,
    MetricValue PromoterShare,
    MetricValue DetractorShare,
    MetricValue StandardError,
    MetricValue Lower,
    MetricValue Upper)
{
    /// <summary>All answers: promoters, passives and detractors.</summary>
    public long Responses => Promoters + Passives + Detractors;

    /// <summary><see cref="PromoterShare"/> × 100, a percentage, for display.</summary>
    public MetricValue PromoterSharePercent => PromoterShare.IsDefined ? MetricValue.Of(100.0 * Promoters / Responses) : PromoterShare;

    /// <summary><see cref="DetractorShare"/> × 100, a percentage, for display.</summary>
    public MetricValue DetractorSharePercent => DetractorShare.IsDefined ? MetricValue.Of(100.0 * Detractors / Responses) : DetractorShare;

    internal static NpsResult FromCounts(long promoters, long passives, long detractors, double confidenceLevel)
    {
        var n = promoters + passives + detractors;
        if (n == 0)
        {
            const string Reason = "no NPS answers: the score needs at least one answer";
            var undefined = MetricValue.Undefined(Reason);
            return new NpsResult(0, 0, 0, confidenceLevel, undefined, undefined, undefined, undefined, undefined, undefined);
        }

        var pP = (double)promoters / n;
        var pD = (double)detractors / n;
        var diff = pP - pD;
        var variance = Math.Max(0, (pP + pD - (diff * diff)) / n);
        var se = 100 * Math.Sqrt(variance);
        var z = Normal.InvCDF(0, 1, (1 + confidenceLevel) / 2);
        var score = 100 * (promoters - detractors) / (double)n;
        return new NpsResult(
            promoters,
            passives,
            detractors,
            confidenceLevel,
            MetricValue.Of(score),
            MetricValue.Of(pP),
            MetricValue.Of(pD),
            MetricValue.Of(se),
            MetricValue.Of(Math.Max(-100, score - (z * se))),
            MetricValue.Of(Math.Min(100, score + (z * se))));
    }
}
