using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Cohorts;
using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Benchmarks.Metrics;

/// <summary>
/// Monthly cohort matrices over 10M purchases by 1M customers (24 months, UTC): the current accumulator against a copy of
/// the one before the m-perf optimisation (<see cref="BaselineCohortAccumulator{TCustomer}"/>), in one run so that the
/// Ratio column compares them.
/// </summary>
[MemoryDiagnoser]
public class CohortBenchmarks
{
    private Purchase<long>[] _purchases = [];

    [GlobalSetup]
    public void Setup() => _purchases = SyntheticPurchases.Generate();

    [Benchmark(Baseline = true)]
    public CohortMatrix MonthlyCohorts_BeforeOptimisation()
    {
        var accumulator = new BaselineCohortAccumulator<long>(PeriodUnit.Month, DateTimeZone.Utc);
        foreach (var purchase in _purchases)
        {
            accumulator.Add(purchase);
        }

        return accumulator.GetResult();
    }

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
