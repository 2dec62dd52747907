using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using Crm.Metrics.Retention;
using NodaTime;

namespace Crm.Metrics.Tests;

/// <summary>Adding a purchase of an already-known customer allocates nothing: memory grows with customers, not events.</summary>
public sealed class AllocationTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Fact]
    public void ActivityRetention_AddOfAKnownCustomer_AllocatesNothing()
        => AllocatedByRepeatAdds(new ActivityRetentionAccumulator<long>(ReportingPeriod.Quarter(2024, 2, London), Period.FromDays(90))).Should().Be(0);

    [Fact]
    public void RepeatPurchase_AddOfAKnownCustomer_AllocatesNothing()
        => AllocatedByRepeatAdds(new RepeatPurchaseAccumulator<long>(London)).Should().Be(0);

    [Fact]
    public void Cohort_AddInAKnownCustomerPeriod_AllocatesNothing()
        => AllocatedByRepeatAdds(new CohortAccumulator<long>(PeriodUnit.Month, London)).Should().Be(0);

    [Fact]
    public void CohortWithACustomComparer_AddInAKnownCustomerPeriod_AllocatesNothing()
        => AllocatedByRepeatAdds(new CohortAccumulator<long>(PeriodUnit.IsoWeek, London, EqualityComparer<long>.Create((a, b) => a == b, a => a.GetHashCode()))).Should().Be(0);

    [Fact]
    public void Pareto_AddOfAKnownCustomer_AllocatesNothing()
        => AllocatedByRepeatAdds(new ParetoAccumulator<long>()).Should().Be(0);

    private static long AllocatedByRepeatAdds<TAcc, TResult>(IMetricAccumulator<TAcc, Purchase<long>, TResult> accumulator)
        where TAcc : IMetricAccumulator<TAcc, Purchase<long>, TResult>
    {
        var purchases = Enumerable.Range(0, 1000)
            .Select(i => new Purchase<long>(i % 100, Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromHours(i * 7 % 4000), 1.5m))
            .ToArray();
        foreach (var purchase in purchases)
        {
            accumulator.Add(purchase);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var purchase in purchases)
            {
                accumulator.Add(purchase);
            }
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
