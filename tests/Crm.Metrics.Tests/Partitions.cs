namespace Crm.Metrics.Tests;

/// <summary>Splits test data into random partitions to check that merging partials equals the whole.</summary>
internal static class Partitions
{
    /// <summary>Splits <paramref name="items"/> into up to <paramref name="seedCount"/> partitions chosen by <paramref name="seed"/>.</summary>
    public static List<List<T>> Split<T>(IReadOnlyList<T> items, int seed, int seedCount = 4)
    {
        var random = new Random(seed);
        var count = 1 + random.Next(Math.Max(1, seedCount));
        var parts = Enumerable.Range(0, count).Select(_ => new List<T>()).ToList();
        foreach (var item in items)
        {
            parts[random.Next(count)].Add(item);
        }

        return parts;
    }

    /// <summary>Accumulates each partition separately and merges the partials in a random order.</summary>
    public static TResult MergeAll<TAcc, TItem, TResult>(IReadOnlyList<TItem> items, int seed, Func<TAcc> create)
        where TAcc : IMetricAccumulator<TAcc, TItem, TResult>
    {
        var partials = Split(items, seed).Select(p => create().AddRange(p)).ToList();
        var random = new Random(seed ^ 0x5bd1e995);
        var ordered = partials.OrderBy(_ => random.Next()).ToList();
        var total = ordered[0];
        foreach (var partial in ordered.Skip(1))
        {
            total.Merge(partial);
        }

        return total.GetResult();
    }

    /// <summary>A shuffled copy of <paramref name="items"/>.</summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var random = new Random(seed);
        return items.OrderBy(_ => random.Next()).ToList();
    }
}
