using BenchmarkDotNet.Attributes;
using Crm.Metrics.Clv;

namespace Crm.Benchmarks.Metrics;

/// <summary>BG/NBD maximum-likelihood fits on the CDNOW sample and simulated customers (see <see cref="FitBenchmarkMode"/> for the sizes).</summary>
/// <remarks>The side-by-side comparison with SciPy is <c>dotnet run -c Release --project tests/Crm.Benchmarks -- fit-compare</c> (<see cref="FitComparison"/>).</remarks>
[MemoryDiagnoser]
public class BgNbdFitBenchmarks
{
    private PurchaseHistory[] _histories = [];

    /// <summary>The data set: "cdnow" or a number of simulated customers.</summary>
    [ParamsSource(nameof(DataSets))]
    public string DataSet { get; set; } = "cdnow";

    public static IEnumerable<string> DataSets => FitBenchmarkMode.DataSets;

    [GlobalSetup]
    public void Setup() => _histories = FitBenchmarkData.Load(DataSet).Histories;

    [Benchmark]
    public BgNbdFit BgNbdFit() => BgNbdModel.Fit(_histories);
}
