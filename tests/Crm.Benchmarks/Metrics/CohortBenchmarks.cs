using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Cohorts;
using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Benchmarks.Metrics;

/// <summary>Monthly cohort matrices over 10M purchases by 1M customers (24 months).</summary>
[MemoryDiagnoser]
public class CohortBenchmarks
{
    private Purchase<long>[] _purchases = [];

    [GlobalSetup]
    public void Setup() => _purchases = SyntheticPurchases.Generate();

    [Benchmark]
    public CohortMatrix MonthlyCohorts()
    {
        var accumulator = new CohortAccumulator<long>(PeriodUnit.Month, DateTimeZone.Utc);
        foreach (var purchase in _purchases)
        {
            accumulator.Add(purchase);
        }

        return accumulator.GetResult();
    }
}
