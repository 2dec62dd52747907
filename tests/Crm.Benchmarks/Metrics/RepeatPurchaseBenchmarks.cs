using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Repeat;
using NodaTime;

namespace Crm.Benchmarks.Metrics;

/// <summary>Repeat-purchase behaviour over 10M purchases by 1M customers.</summary>
[MemoryDiagnoser]
public class RepeatPurchaseBenchmarks
{
    private Purchase<long>[] _purchases = [];

    [GlobalSetup]
    public void Setup() => _purchases = SyntheticPurchases.Generate();

    [Benchmark]
    public RepeatPurchaseResult RepeatPurchase()
    {
        var accumulator = new RepeatPurchaseAccumulator<long>(DateTimeZone.Utc, 90);
        foreach (var purchase in _purchases)
        {
            accumulator.Add(purchase);
        }

        return accumulator.GetResult();
    }
}
