namespace Crm.Metrics.Feedback;

/// <summary>Computes a Net Promoter Score from 0–10 answers in one pass; partials of partitions merge exactly.</summary>
/// <remarks>
/// Keeps three counters, so memory is constant. See <see cref="NpsResult"/> for the formula and the interval.
/// </remarks>
public sealed class NpsAccumulator : IMetricAccumulator<NpsAccumulator, int, NpsResult>
{
    private long _promoters;
    private long _passives;
    private long _detractors;

    /// <summary>Creates an empty accumulator whose interval is computed at <paramref name="confidenceLevel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public NpsAccumulator(double confidenceLevel = 0.95)
    {
        SurveyScale.CheckConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        ConfidenceLevel = confidenceLevel;
    }

    /// <summary>The confidence level of the interval in the result.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The group an answer falls in: 0–6 detractor, 7–8 passive, 9–10 promoter.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not 0–10.</exception>
    public static NpsCategory Classify(int score)
    {
        SurveyScale.Check(score, 0, 10, "NPS", nameof(score));
        return score >= 9 ? NpsCategory.Promoter : score >= 7 ? NpsCategory.Passive : NpsCategory.Detractor;
    }

    /// <summary>Computes the NPS of <paramref name="scores"/> in one pass.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is not 0–10, or the confidence level is not strictly between 0 and 1.</exception>
    public static NpsResult Calculate(IEnumerable<int> scores, double confidenceLevel = 0.95)
        => new NpsAccumulator(confidenceLevel).AddRange(scores).GetResult();

    /// <summary>Adds one 0–10 answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="item"/> is not 0–10.</exception>
    public void Add(int item)
    {
        SurveyScale.Check(item, 0, 10, "NPS", "score");
        switch (item)
        {
            case >= 9: _promoters++; break;
            case >= 7: _passives++; break;
            default: _detractors++; break;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> uses another confidence level.</exception>
    public void Merge(NpsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ConfidenceLevel != ConfidenceLevel)
        {
            throw new ArgumentException("Only accumulators with the same confidence level can be merged.", nameof(other));
        }

        var (p, s, d) = (other._promoters, other._passives, other._detractors);
        _promoters += p;
        _passives += s;
        _detractors += d;
    }

    /// <inheritdoc />
    public NpsResult GetResult() => NpsResult.FromCounts(_promoters, _passives, _detractors, ConfidenceLevel);

    internal void AddCounts(long promoters, long passives, long detractors)
    {
        _promoters += promoters;
        _passives += passives;
        _detractors += detractors;
    }
}
