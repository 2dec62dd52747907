using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// `-- fit-compare`: the BG/NBD and Gamma-Gamma fits side by side with SciPy (Metrics/FitComparison.cs; CRM_BENCH_MODE=smoke|short|full).
if (args is ["fit-compare", ..])
{
    return Crm.Benchmarks.Metrics.FitComparison.Run();
}

// --smoke also checks the timeline contestants on 10,000 interactions; `-- timeline-data` builds the timeline databases (Interactions/TimelineCheck.cs).
Crm.Benchmarks.Interactions.TimelineCheck.BuildDataIfAsked(args);
Crm.Benchmarks.Interactions.TimelineCheck.RunIfSmoke(args);

// --smoke, --short or --full: the side-by-side comparison with DuckDB and LINQ (docs/performance.md); exits when done.
Crm.Benchmarks.Metrics.Peers.PeerModes.RunIfAsked(args);

// Medians are quoted in the notes (these machines are shared and noisy), so every run shows them beside the mean.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddColumn(StatisticColumn.Median));
return 0;
