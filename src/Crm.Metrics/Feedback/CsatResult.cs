namespace Crm.Metrics.Feedback;

/// <summary>A customer-satisfaction score (CSAT) with the answers it was computed from.</summary>
/// <param name="CountsByAnswer">How many answers of 1, 2, 3, 4 and 5 were given (index 0 holds the count of 1s).</param>
/// <param name="Score">CSAT = 100 × (answers of 4 or 5) / all answers, on 0…100; undefined without answers.</param>
/// <param name="Mean">The mean answer on 1…5; undefined without answers.</param>
/// <remarks>
/// CSAT counts the "satisfied" and "very satisfied" answers (the top two boxes of a 1–5 scale) as a percentage of all
/// answers; it is the usual definition of the score in customer-service reporting.
/// </remarks>
public sealed record CsatResult(IReadOnlyList<long> CountsByAnswer, MetricValue Score, MetricValue Mean)
{
    /// <summary>All answers.</summary>
    public long Responses => CountsByAnswer.Sum();

    /// <summary>Answers of 4 or 5.</summary>
    public long Satisfied => CountsByAnswer[3] + CountsByAnswer[4];

    /// <summary>Whether both results hold the same values, comparing lists element by element.</summary>
    public bool Equals(CsatResult? other)
        => other is not null
           && Score.Equals(other.Score)
           && Mean.Equals(other.Mean)
           && CountsByAnswer.SequenceEqual(other.CountsByAnswer);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Score, Mean, CountsByAnswer.Count);
}
