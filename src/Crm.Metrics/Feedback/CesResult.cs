namespace Crm.Metrics.Feedback;

/// <summary>A customer-effort score (CES) on a 1–7 agreement scale, as a mean and as the share agreeing.</summary>
/// <param name="CountsByAnswer">How many answers of 1 to 7 were given (index 0 holds the count of 1s).</param>
/// <param name="Mean">The mean answer on 1…7 (higher = easier); undefined without answers.</param>
/// <param name="AgreeingShare">(answers of 5, 6 or 7) / all answers, a fraction 0–1; undefined without answers.</param>
/// <remarks>
/// The CES 2.0 question ("the company made it easy for me to handle my issue", 1 = strongly disagree … 7 = strongly agree)
/// is reported either as the mean answer or as the share of answers that agree (5 "somewhat agree" to 7); both are
/// given, the share also as a percentage (<see cref="AgreeingPercent"/>).
/// </remarks>
public sealed record CesResult(IReadOnlyList<long> CountsByAnswer, MetricValue Mean, MetricValue AgreeingShare)
{
    /// <summary>All answers.</summary>
    public long Responses => CountsByAnswer.Sum();

    /// <summary>Answers of 5, 6 or 7.</summary>
    public long Agreeing => CountsByAnswer[4] + CountsByAnswer[5] + CountsByAnswer[6];

    /// <summary><see cref="AgreeingShare"/> × 100, a percentage, for display; undefined without answers.</summary>
    public MetricValue AgreeingPercent => AgreeingShare.IsDefined ? MetricValue.Ratio(Agreeing, Responses, "no answers", 100) : AgreeingShare;

    /// <summary>Whether both results hold the same values, comparing lists element by element.</summary>
    public bool Equals(CesResult? other)
        => other is not null
           && Mean.Equals(other.Mean)
           && AgreeingShare.Equals(other.AgreeingShare)
           && CountsByAnswer.SequenceEqual(other.CountsByAnswer);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mean, AgreeingShare, CountsByAnswer.Count);
}
