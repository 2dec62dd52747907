using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// --smoke, --short or --full: the side-by-side comparison with DuckDB and LINQ (docs/performance.md); exits when done.
Crm.Benchmarks.Metrics.Peers.PeerModes.RunIfAsked(args);

// Medians are quoted in the notes (these machines are shared and noisy), so every run shows them beside the mean.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddColumn(StatisticColumn.Median));
