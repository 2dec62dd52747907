using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Periods;
using Crm.Metrics.Retention;
using NodaTime;

namespace Crm.Benchmarks.Metrics;

/// <summary>Non-contractual retention of one quarter over 10M purchases by 1M customers.</summary>
[MemoryDiagnoser]
public class RetentionBenchmarks
{
    private Purchase<long>[] _purchases = [];
    private readonly ReportingPeriod _period = ReportingPeriod.Quarter(2024, 2, DateTimeZone.Utc);

    [GlobalSetup]
    public void Setup() => _purchases = SyntheticPurchases.Generate();

    [Benchmark]
    public RetentionResult ActivityRetention()
    {
        var accumulator = new ActivityRetentionAccumulator<long>(_period, Period.FromDays(90));
        foreach (var purchase in _purchases)
        {
            accumulator.Add(purchase);
        }

        return accumulator.GetResult();
    }
}
