using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Crm.Metrics.Analysis;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>
/// The three modes of the peer comparison: <c>--smoke</c> (tiny data, each contestant once, for CI), <c>--short</c>
/// (1,000,000 purchases) and <c>--full</c> (10,000,000). Every mode first runs each contestant once and fails with exit
/// code 1 when any answer differs from Crm.Metrics'; the short and full modes then time them with BenchmarkDotNet.
/// </summary>
internal static class PeerModes
{
    private static readonly Type[] Benchmarks =
    [
        typeof(RfmSummaryPeerBenchmarks), typeof(CohortMatrixPeerBenchmarks), typeof(QuarterlyRetentionPeerBenchmarks), typeof(ParetoSharePeerBenchmarks),
    ];

    /// <summary>Runs the mode named in <paramref name="args"/> and exits the process; returns when no mode is named.</summary>
    public static void RunIfAsked(string[] args)
    {
        var size = args.Contains("--smoke") ? "smoke" : args.Contains("--short") ? "short" : args.Contains("--full") ? "full" : null;
        if (size is null)
        {
            return;
        }

        Console.WriteLine($"Peer comparison, {size} size: {PeerData.Dimensions(size).Purchases:N0} purchases by {PeerData.Dimensions(size).Customers:N0} customers, {Environment.ProcessorCount} cores.");
        var ok = Check(size);
        if (!ok)
        {
            Console.Error.WriteLine("FAILED: a contestant's answer differs from Crm.Metrics' (see above).");
            Environment.Exit(1);
        }

        if (size != "smoke")
        {
            Environment.SetEnvironmentVariable("CRM_PEER_SIZE", size);
            var job = Job.Default
                .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(size == "full" ? 5 : 7)
                .WithInvocationCount(1).WithUnrollFactor(1)
                .WithEnvironmentVariable("CRM_PEER_SIZE", size);
            var config = DefaultConfig.Instance.AddJob(job).AddColumn(StatisticColumn.Median);
            // Anything after the mode goes to BenchmarkDotNet, e.g. --filter '*Rfm*' to time one work only.
            BenchmarkRunner.Run(Benchmarks, config, [.. args.Where(a => a is not ("--smoke" or "--short" or "--full"))]);
        }

        Environment.Exit(0);
    }

    // Runs every contestant once, compares each answer with Crm.Metrics' sequential one, and prints times and add-phase allocations.
    private static bool Check(string size)
    {
        var data = PeerData.Generate(size);
        var oneTime = data.Purchases.GroupBy(p => p.Customer).Count(g => g.Count() == 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one-time buyers: {100.0 * oneTime / data.Customers:F1} %"));
        var load = Stopwatch.StartNew();
        using var db = new DuckDbPurchases(data);
        Console.WriteLine($"DuckDB loaded with the appender in {load.Elapsed.TotalSeconds:F1} s (not timed below).");
        var ok = true;

        var rfm = Time("RFM summary", "Crm.Metrics sequential", () => RfmSummaryPeerBenchmarks.Answer(RfmSummaryPeerBenchmarks.CrmMetricsSequential(data)));
        ok &= Same("RFM summary", "Crm.Metrics parallel", rfm, () => RfmSummaryPeerBenchmarks.Answer(RfmSummaryPeerBenchmarks.CrmMetricsParallel(data)));
        ok &= Same("RFM summary", "DuckDB", rfm, () => RfmSummaryPeerBenchmarks.DuckDbSql(db));
        ok &= Same("RFM summary", "naive LINQ", rfm, () => RfmSummaryPeerBenchmarks.NaiveLinq(data));

        var cohorts = Time("cohort matrix", "Crm.Metrics sequential", () => CohortMatrixPeerBenchmarks.Answer(CohortMatrixPeerBenchmarks.CrmMetricsSequential(data)));
        ok &= Same("cohort matrix", "Crm.Metrics parallel", cohorts, () => CohortMatrixPeerBenchmarks.Answer(CohortMatrixPeerBenchmarks.CrmMetricsParallel(data)));
        ok &= Same("cohort matrix", "DuckDB", cohorts, () => CohortMatrixPeerBenchmarks.DuckDbSql(db));
        ok &= Same("cohort matrix", "naive LINQ", cohorts, () => CohortMatrixPeerBenchmarks.NaiveLinq(data));

        var retention = Time("quarterly retention", "Crm.Metrics sequential", () => new[] { QuarterlyRetentionPeerBenchmarks.Answer(QuarterlyRetentionPeerBenchmarks.CrmMetricsSequential(data)) });
        ok &= Same("quarterly retention", "Crm.Metrics parallel", retention, () => [QuarterlyRetentionPeerBenchmarks.Answer(QuarterlyRetentionPeerBenchmarks.CrmMetricsParallel(data))]);
        ok &= Same("quarterly retention", "DuckDB", retention, () => [QuarterlyRetentionPeerBenchmarks.DuckDbSql(db)]);
        ok &= Same("quarterly retention", "naive LINQ", retention, () => [QuarterlyRetentionPeerBenchmarks.NaiveLinq(data)]);
        Console.WriteLine($"  answer: {retention[0]}");

        var pareto = Time("Pareto share", "Crm.Metrics sequential", () => new[] { ParetoSharePeerBenchmarks.CrmMetricsSequential(data) });
        ok &= Same("Pareto share", "Crm.Metrics parallel", pareto, () => [ParetoSharePeerBenchmarks.CrmMetricsParallel(data)]);
        ok &= Same("Pareto share", "DuckDB", pareto, () => [ParetoSharePeerBenchmarks.DuckDbSql(db)]);
        ok &= Same("Pareto share", "naive LINQ", pareto, () => [ParetoSharePeerBenchmarks.NaiveLinq(data)]);
        Console.WriteLine($"  answer: {pareto[0]}");

        // The one-pass analysis computes these sections (and more) in one read of the log; its answers must be the same.
        var options = new PurchaseAnalysisOptions(DateTimeZone.Utc, PeerData.ObservationEnd, CustomerSummaryTimeUnit.Day);
        var analysis = Time("all sections", "Crm.Metrics one pass", () => new[] { PurchaseAnalysis.Calculate(data.Purchases, options) })[0];
        ok &= Same("RFM summary", "Crm.Metrics one pass", rfm, () => RfmSummaryPeerBenchmarks.Answer(analysis.Models.Summaries));
        ok &= Same("cohort matrix", "Crm.Metrics one pass", cohorts, () => CohortMatrixPeerBenchmarks.Answer(analysis.Cohorts));
        ok &= Same("Pareto share", "Crm.Metrics one pass", pareto, () => [ParetoSharePeerBenchmarks.Answer(analysis.ParetoTopShare)]);

        AddPhaseAllocations.Print(data);
        return ok;
    }

    private static T[] Time<T>(string work, string contestant, Func<T[]> run)
    {
        var watch = Stopwatch.StartNew();
        var answer = run();
        Console.WriteLine($"{work,-20} {contestant,-24} {watch.Elapsed.TotalMilliseconds,10:F0} ms (one run, not a benchmark)  {answer.Length:N0} rows");
        return answer;
    }

    private static bool Same<T>(string work, string contestant, T[] expected, Func<T[]> run)
    {
        var answer = Time(work, contestant, run);
        if (answer.SequenceEqual(expected))
        {
            return true;
        }

        var at = Enumerable.Range(0, Math.Min(answer.Length, expected.Length)).FirstOrDefault(i => !Equals(answer[i], expected[i]), Math.Min(answer.Length, expected.Length));
        Console.Error.WriteLine($"MISMATCH {work} / {contestant}: {answer.Length} rows against {expected.Length}; first difference at {at}: "
            + $"{(at < answer.Length ? answer[at] : "none")} against Crm.Metrics' {(at < expected.Length ? expected[at] : "none")}");
        return false;
    }
}
