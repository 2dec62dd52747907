namespace Crm.Metrics.Coverage;

/// <summary>How concentrated customer relationships are on single team members.</summary>
/// <param name="Customers">Distinct customers with at least one interaction.</param>
/// <param name="SingleMemberCustomers">Customers served by exactly one distinct team member.</param>
/// <param name="SingleMemberRate">SingleMemberCustomers / Customers, a fraction 0…1; undefined without customers.</param>
/// <param name="MeanTeamMembers">The mean number of distinct team members per customer; undefined without customers.</param>
/// <param name="Distribution">Customers per number of distinct team members, ascending, only sizes that occur.</param>
/// <remarks>
/// A high single-member rate is a key-person risk: those relationships hang on one employee and are exposed when that
/// person leaves. The number of interactions does not matter, only how many distinct team members a customer met.
/// </remarks>
public sealed record RelationshipCoverage(
    long Customers,
    long SingleMemberCustomers,
    MetricValue SingleMemberRate,
    MetricValue MeanTeamMembers,
    IReadOnlyList<TeamSizeCount> Distribution)
{
    /// <summary>Computes the coverage of <paramref name="interactions"/> in one pass.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="interactions"/> is null.</exception>
    /// <exception cref="ArgumentException">An interaction has a null key.</exception>
    public static RelationshipCoverage Calculate<TCustomer, TMember>(IEnumerable<TeamInteraction<TCustomer, TMember>> interactions)
        where TCustomer : notnull
        where TMember : notnull
        => new RelationshipCoverageAccumulator<TCustomer, TMember>().AddRange(interactions).GetResult();

    /// <summary>Whether both results hold the same values, comparing lists element by element.</summary>
    public bool Equals(RelationshipCoverage? other)
        => other is not null
           && Customers.Equals(other.Customers)
           && SingleMemberCustomers.Equals(other.SingleMemberCustomers)
           && SingleMemberRate.Equals(other.SingleMemberRate)
           && MeanTeamMembers.Equals(other.MeanTeamMembers)
           && Distribution.SequenceEqual(other.Distribution);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Customers, SingleMemberCustomers, SingleMemberRate, MeanTeamMembers, Distribution.Count);
}
