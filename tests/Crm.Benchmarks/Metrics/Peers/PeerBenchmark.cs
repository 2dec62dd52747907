using BenchmarkDotNet.Attributes;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>
/// The set-up shared by the peer benchmarks: the generated log of <see cref="PeerData.CurrentSize"/>, and DuckDB loaded
/// with it only in the processes that time DuckDB (BenchmarkDotNet runs each benchmark in its own process).
/// </summary>
[MemoryDiagnoser]
public abstract class PeerBenchmark
{
    private protected PeerData Data { get; private set; } = null!;

    private protected DuckDbPurchases? DuckDb { get; private set; }

    [GlobalSetup(Targets = ["CrmMetricsSequential", "CrmMetricsParallel", "NaiveLinq"])]
    public void Setup() => Data = PeerData.Generate(PeerData.CurrentSize);

    [GlobalSetup(Target = "DuckDbSql")]
    public void SetupDuckDb()
    {
        Setup();
        DuckDb = new DuckDbPurchases(Data);
    }

    [GlobalCleanup]
    public void Cleanup() => DuckDb?.Dispose();
}
