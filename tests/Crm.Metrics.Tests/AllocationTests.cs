using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using Crm.Metrics.Retention;
using Crm.Metrics.Rfm;
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

    [Fact]
    public void CustomerSummary_AddOfAKnownCustomerDay_AllocatesNothing()
        => AllocatedByRepeatAdds(new CustomerSummaryBuilder<long>(new CustomerSummaryOptions(London, new LocalDate(2024, 3, 1), CustomerSummaryTimeUnit.Week, new LocalDate(2025, 1, 1)))).Should().Be(0);

    [Fact]
    public void CustomerSummary_AddPhase_AllocatesOnlyAsItsStateGrows()
    {
        // 200,000 purchases by 20,000 customers on up to 730 days each: the allocations are the dictionary's and the day
        // pool's growth, a few bytes per distinct customer-day, not an object per purchase.
        var random = new Random(7);
        var origin = Instant.FromUtc(2023, 1, 1, 0, 0);
        var purchases = Enumerable.Range(0, 200_000)
            .Select(_ => new Purchase<long>(random.NextInt64(20_000) * 7_919, origin + Duration.FromMinutes(random.Next(2 * 365 * 24 * 60)), 1.25m))
            .ToArray();
        var builder = new CustomerSummaryBuilder<long>(new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 12, 31), CustomerSummaryTimeUnit.Day));

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var purchase in purchases)
        {
            builder.Add(purchase);
        }

        var perPurchase = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)purchases.Length;
        perPurchase.Should().BeLessThan(64, "a customer costs one 88-byte dictionary entry (twice over while the dictionary doubles) and a day 4 to 8 bytes in the pool, about 40 bytes a purchase at 10 purchases a customer");
    }

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

        // The least of three measurements: the runtime may allocate once on this thread while it swaps in optimized code
        // (tiered compilation, on-stack replacement) under load; an add that allocates shows in every measurement.
        var least = long.MaxValue;
        for (var measurement = 0; measurement < 3; measurement++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < 10; round++)
            {
                foreach (var purchase in purchases)
                {
                    accumulator.Add(purchase);
                }
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
