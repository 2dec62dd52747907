namespace Crm.Metrics.Feedback;

/// <summary>Computes CSAT from 1–5 answers in one pass; partials of partitions merge exactly.</summary>
/// <remarks>Keeps five counters. See <see cref="CsatResult"/> for the formula.</remarks>
public sealed class CsatAccumulator : IMetricAccumulator<CsatAccumulator, int, CsatResult>
{
    private readonly long[] _counts = new long[5];

    /// <summary>Computes the CSAT of <paramref name="answers"/> in one pass.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is not 1–5.</exception>
    public static CsatResult Calculate(IEnumerable<int> answers) => new CsatAccumulator().AddRange(answers).GetResult();

    /// <summary>Adds one 1–5 answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="item"/> is not 1–5.</exception>
    public void Add(int item)
    {
        SurveyScale.Check(item, 1, 5, "CSAT", "answer");
        _counts[item - 1]++;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Merge(CsatAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other._counts.ToArray();
        for (var i = 0; i < theirs.Length; i++)
        {
            _counts[i] += theirs[i];
        }
    }

    /// <inheritdoc />
    public CsatResult GetResult()
    {
        const string Reason = "no CSAT answers: the score needs at least one answer";
        var counts = _counts.ToArray();
        var n = counts.Sum();
        var sum = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            sum += (i + 1) * counts[i];
        }

        return new CsatResult(
            counts,
            MetricValue.Ratio(counts[3] + counts[4], n, Reason, 100),
            MetricValue.Ratio(sum, n, Reason));
    }
}
