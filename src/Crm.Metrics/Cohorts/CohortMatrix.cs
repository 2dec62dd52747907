using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Metrics.Cohorts;

/// <summary>The cohort retention and revenue matrices: acquisition period × periods since acquisition.</summary>
/// <param name="Unit">The calendar unit of the periods.</param>
/// <param name="Zone">The zone the periods are read in.</param>
/// <param name="Customers">All customers, over every cohort.</param>
/// <param name="LastPeriod">Where every row ends: the period of the window's last day when the window has one, else the last period with a purchase (<see langword="null"/> without purchases). It may be partly observed.</param>
/// <param name="Cohorts">One row per period in which at least one customer was acquired, earliest first.</param>
/// <param name="Counts">Every purchase read: the ones in the window and the ones skipped before or after it.</param>
/// <remarks>
/// A cohort is the set of customers whose first purchase falls in a period; cell (c, k) counts the customers of cohort
/// c who purchased in the k-th period after c, and sums their purchase amounts. This is the acquisition-cohort table
/// common to marketing analytics and subscription reporting. A customer who skips a period and comes back is counted
/// again when they return (activity, not survival).
/// </remarks>
public sealed record CohortMatrix(PeriodUnit Unit, DateTimeZone Zone, long Customers, ReportingPeriod? LastPeriod, IReadOnlyList<CohortRow> Cohorts, PurchaseCounts Counts)
{
    /// <summary>Whether both matrices hold the same values, comparing rows element by element.</summary>
    public bool Equals(CohortMatrix? other)
        => other is not null
           && Unit == other.Unit
           && Zone.Equals(other.Zone)
           && Customers == other.Customers
           && Equals(LastPeriod, other.LastPeriod)
           && Cohorts.SequenceEqual(other.Cohorts)
           && Counts.Equals(other.Counts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unit, Zone, Customers, Cohorts.Count);
}
