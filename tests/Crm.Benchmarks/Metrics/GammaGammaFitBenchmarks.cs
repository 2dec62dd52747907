using BenchmarkDotNet.Attributes;
using Crm.Metrics.Clv;

namespace Crm.Benchmarks.Metrics;

/// <summary>Gamma-Gamma maximum-likelihood fits on the CDNOW sample and simulated customers (see <see cref="FitBenchmarkMode"/>).</summary>
[MemoryDiagnoser]
public class GammaGammaFitBenchmarks
{
    private SpendHistory[] _spends = [];

    /// <summary>The data set: "cdnow" or a number of simulated customers.</summary>
    [ParamsSource(nameof(DataSets))]
    public string DataSet { get; set; } = "cdnow";

    public static IEnumerable<string> DataSets => FitBenchmarkMode.DataSets;

    [GlobalSetup]
    public void Setup() => _spends = FitBenchmarkData.Load(DataSet).Spends;

    [Benchmark]
    public GammaGammaFit GammaGammaFit() => GammaGammaModel.Fit(_spends);
}
