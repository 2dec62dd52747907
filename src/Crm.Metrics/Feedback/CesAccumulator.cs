namespace Crm.Metrics.Feedback;

/// <summary>Computes CES from 1–7 answers in one pass; partials of partitions merge exactly.</summary>
/// <remarks>Keeps seven counters. See <see cref="CesResult"/> for the formulas.</remarks>
public sealed class CesAccumulator : IMetricAccumulator<CesAccumulator, int, CesResult>
{
    private readonly long[] _counts = new long[7];

    /// <summary>Computes the CES of <paramref name="answers"/> in one pass.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is not 1–7.</exception>
    public static CesResult Calculate(IEnumerable<int> answers) => new CesAccumulator().AddRange(answers).GetResult();

    /// <summary>Adds one 1–7 answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="item"/> is not 1–7.</exception>
    public void Add(int item)
    {
        SurveyScale.Check(item, 1, 7, "CES", "answer");
        _counts[item - 1]++;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Merge(CesAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other._counts.ToArray();
        for (var i = 0; i < theirs.Length; i++)
        {
            _counts[i] += theirs[i];
        }
    }

    /// <inheritdoc />
    public CesResult GetResult()
    {
        const string Reason = "no CES answers: the score needs at least one answer";
        var counts = _counts.ToArray();
        var n = counts.Sum();
        var sum = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            sum += (i + 1) * counts[i];
        }

        return new CesResult(
            counts,
            MetricValue.Ratio(sum, n, Reason),
            MetricValue.Ratio(counts[4] + counts[5] + counts[6], n, Reason));
    }
}
