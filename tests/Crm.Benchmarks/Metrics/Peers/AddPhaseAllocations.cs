using Crm.Metrics;
using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Periods;
using Crm.Metrics.Retention;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>Bytes allocated per purchase while purchases are added (before GetResult), on one thread: the accumulators' state growth.</summary>
internal static class AddPhaseAllocations
{
    public static void Print(PeerData data)
    {
        Console.WriteLine("add phase, bytes allocated per purchase (dictionary and pool growth; 0 for a purchase of a known customer-day):");
        Measure("RFM summary", data, new CustomerSummaryBuilder<long>(new CustomerSummaryOptions(DateTimeZone.Utc, PeerData.ObservationEnd, CustomerSummaryTimeUnit.Day)));
        Measure("cohort matrix", data, new CohortAccumulator<long>(PeriodUnit.Month, DateTimeZone.Utc));
        Measure("quarterly retention", data, new ActivityRetentionAccumulator<long>(ReportingPeriod.Quarter(2024, 2, DateTimeZone.Utc), Period.FromDays(90)));
        Measure("Pareto share", data, new ParetoAccumulator<long>());
    }

    private static void Measure<TSelf, TResult>(string work, PeerData data, IMetricAccumulator<TSelf, Purchase<long>, TResult> accumulator)
        where TSelf : IMetricAccumulator<TSelf, Purchase<long>, TResult>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var purchase in data.Purchases)
        {
            accumulator.Add(purchase);
        }

        var first = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var purchase in data.Purchases)
        {
            accumulator.Add(purchase);
        }

        var again = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"  {work,-20} first pass {first / (double)data.Purchases.Length,6:F2} B/purchase; the same purchases again {again / (double)data.Purchases.Length,6:F2} B/purchase");
    }
}
