using System.Diagnostics;

namespace Crm.Benchmarks.Interactions;

/// <summary>The smoke run of the timeline benchmark (<c>--smoke</c>, part of CI): 10,000 interactions, every contestant once on the first and the deep page, failing on any disagreement with the store.</summary>
internal static class TimelineCheck
{
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
