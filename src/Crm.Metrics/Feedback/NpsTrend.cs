namespace Crm.Metrics.Feedback;

/// <summary>NPS per reporting period, oldest first, and over all answers.</summary>
/// <param name="Points">One point per period from the first to the last period with an answer; periods without answers are included with an undefined score, so gaps are visible.</param>
/// <param name="Overall">The NPS of all answers together.</param>
public sealed record NpsTrend(IReadOnlyList<NpsTrendPoint> Points, NpsResult Overall)
{
    /// <summary>Whether both results hold the same values, comparing lists element by element.</summary>
    public bool Equals(NpsTrend? other)
        => other is not null
           && Overall.Equals(other.Overall)
           && Points.SequenceEqual(other.Points);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Overall, Points.Count);
}
