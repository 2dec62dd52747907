using BenchmarkDotNet.Attributes;

namespace Crm.Benchmarks.Interactions;

/// <summary>
/// A 50-row page of one heavy contact's timeline on SQLite, read from 100,000, 1,000,000 and 10,000,000 interactions of
/// one tenant (<see cref="TimelineData"/>: the heavy contact holds 1 % — 1,000, 10,000 and 100,000 entries): the first
/// page and a deep page (the middle of the contact's history) through <see cref="Crm.EntityFrameworkCore.Interactions.EfInteractionStore{TContext}"/>,
/// against an <c>OFFSET</c> query to the same deep page and against loading the contact's history and sorting it.
/// </summary>
/// <remarks>Build the data with <c>-- timeline-data</c>, then run with <c>--filter '*TimelineBenchmarks*' --inProcess --warmupCount 3
/// --iterationCount 15</c> (in-process: the machines these run on are too busy to build BenchmarkDotNet's boilerplate in its
/// timeout); <c>CRM_BENCH_TIMELINE=100000</c> limits either to one size. Building the 10,000,000-row database takes minutes and
/// about 5 GiB under $TMPDIR/crm-bench-timeline; every contestant's answer is compared with the store's before timing.</remarks>
[MemoryDiagnoser]
public class TimelineBenchmarks : IDisposable
{
    private TimelineContestants _contestants = null!;

    /// <summary>Interactions in the tenant.</summary>
    [ParamsSource(nameof(Totals))]
    public int Total { get; set; }

    /// <summary>The sizes: 100,000, 1,000,000 and 10,000,000, or the one in <c>CRM_BENCH_TIMELINE</c>.</summary>
    public static IEnumerable<int> Totals
        => int.TryParse(Environment.GetEnvironmentVariable("CRM_BENCH_TIMELINE"), out var total) ? [total] : [100_000, 1_000_000, 10_000_000];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _contestants = new TimelineContestants(Total);
        if (await _contestants.CheckAsync() is { } error)
        {
            throw new InvalidOperationException($"Timeline contestants disagree at {Total:N0}: {error}.");
        }

        Console.WriteLine($"// heavy contact: {_contestants.HistoryLength:N0} interactions, deep page at offset {_contestants.DeepOffset:N0}");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _contestants?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "store, first page (keyset)")]
    public Task<IReadOnlyList<Guid>> StoreFirstPage() => _contestants.StorePageAsync(null);

    [Benchmark(Description = "store, deep page (keyset cursor)")]
    public Task<IReadOnlyList<Guid>> StoreDeepPage() => _contestants.StorePageAsync(_contestants.DeepCursor);

    [Benchmark(Description = "peer: OFFSET query, deep page")]
    public IReadOnlyList<Guid> OffsetDeepPage() => _contestants.OffsetPage(_contestants.DeepOffset);

    [Benchmark(Description = "peer: load history and sort, first page")]
    public IReadOnlyList<Guid> LoadAndSortFirstPage() => _contestants.LoadAndSortPage(0);
}
