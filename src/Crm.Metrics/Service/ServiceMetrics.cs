namespace Crm.Metrics.Service;

/// <summary>Service-desk metrics of a set of cases: response and resolution times, first-contact resolution, unanswered share and top categories.</summary>
/// <param name="Cases">All cases.</param>
/// <param name="NeverAnswered">Cases without a first response.</param>
/// <param name="NeverAnsweredRate">NeverAnswered / Cases, a fraction 0…1; undefined without cases.</param>
/// <param name="FirstResponseTime">Time from opening to first response over the answered cases.</param>
/// <param name="ResolutionTime">Time from opening to resolution over the resolved cases.</param>
/// <param name="ResolvedWithKnownContacts">Resolved cases whose contact count is known: the denominator of <see cref="FirstContactResolutionRate"/>.</param>
/// <param name="ResolvedAtFirstContact">Resolved cases that took one contact.</param>
/// <param name="FirstContactResolutionRate">ResolvedAtFirstContact / ResolvedWithKnownContacts, a fraction 0…1; undefined when no resolved case has a known contact count.</param>
/// <param name="TopCategories">The most frequent categories, most cases first; equal counts in ordinal order of the category.</param>
public sealed record ServiceMetrics(
    long Cases,
    long NeverAnswered,
    MetricValue NeverAnsweredRate,
    DurationStatistics FirstResponseTime,
    DurationStatistics ResolutionTime,
    long ResolvedWithKnownContacts,
    long ResolvedAtFirstContact,
    MetricValue FirstContactResolutionRate,
    IReadOnlyList<CategoryCount> TopCategories)
{
    /// <summary>Whether both results hold the same values, comparing lists element by element.</summary>
    public bool Equals(ServiceMetrics? other)
        => other is not null
           && Cases.Equals(other.Cases)
           && NeverAnswered.Equals(other.NeverAnswered)
           && NeverAnsweredRate.Equals(other.NeverAnsweredRate)
           && FirstResponseTime.Equals(other.FirstResponseTime)
           && ResolutionTime.Equals(other.ResolutionTime)
           && ResolvedWithKnownContacts.Equals(other.ResolvedWithKnownContacts)
           && ResolvedAtFirstContact.Equals(other.ResolvedAtFirstContact)
           && FirstContactResolutionRate.Equals(other.FirstContactResolutionRate)
           && TopCategories.SequenceEqual(other.TopCategories);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Cases, NeverAnswered, FirstResponseTime, ResolutionTime, ResolvedWithKnownContacts, ResolvedAtFirstContact, TopCategories.Count);
}
