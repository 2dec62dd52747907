using System.Diagnostics;

namespace Crm.Benchmarks.Interactions;

/// <summary>
/// The smoke run of the timeline benchmark (<c>--smoke</c>, part of CI): 10,000 interactions, every contestant once on the
/// first and the deep page, failing on any disagreement with the store. And <c>timeline-data</c>: builds the benchmark's
/// databases up front (BenchmarkDotNet's in-process toolchain gives a benchmark's setup a few minutes, less than the
/// 10,000,000-row load takes on a busy machine).
/// </summary>
internal static class TimelineCheck
{
    /// <summary>With <c>timeline-data</c> first in <paramref name="args"/>, builds the databases of <see cref="TimelineBenchmarks.Totals"/> and exits.</summary>
    public static void BuildDataIfAsked(string[] args)
    {
        if (args is not ["timeline-data", ..])
        {
            return;
        }

        foreach (var total in TimelineBenchmarks.Totals)
        {
            TimelineData.Open(total);
        }

        Environment.Exit(0);
    }

    /// <summary>Runs the check when <paramref name="args"/> hold <c>--smoke</c>; exits with code 1 when a contestant disagrees.</summary>
    public static void RunIfSmoke(string[] args)
    {
        if (!args.Contains("--smoke"))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        using var contestants = new TimelineContestants(10_000);
        var error = contestants.CheckAsync().GetAwaiter().GetResult();
        Console.WriteLine($"Timeline pages, 10,000 interactions (heavy contact {contestants.HistoryLength:N0}): {(error ?? "all contestants agree")} ({watch.Elapsed.TotalSeconds:F1} s, not a benchmark)");
        if (error is not null)
        {
            Environment.Exit(1);
        }
    }
}
