namespace Crm.Metrics.Accumulation;

/// <summary>
/// Sorts items by distinct keys on several cores: each run of keys is sorted on its own, then the sorted runs are merged
/// pairwise, and the items are gathered once in the merged order.
/// </summary>
/// <remarks>
/// The runs sort and merge keys with the positions of their items (value types only, so no write barrier and no
/// interface call for a value-type key); the items — references — move once, at the end. Distinct keys make the order
/// unique, so the result does not depend on how the keys were split into runs.
/// </remarks>
internal static class SortedRuns
{
    /// <summary>
    /// Returns the items of the runs <c>[starts[i], starts[i] + lengths[i])</c> of <paramref name="keys"/> and
    /// <paramref name="items"/>, ordered by key (the keys of all runs distinct, in their default order); exactly as many
    /// items as the runs hold.
    /// </summary>
    public static TItem[] Sort<TKey, TItem>(TKey[] keys, TItem[] items, int[] starts, int[] lengths, int workers)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) };
        var positions = new int[keys.Length];
        Parallel.For(0, starts.Length, options, i =>
        {
            for (var p = starts[i]; p < starts[i] + lengths[i]; p++)
            {
                positions[p] = p;
            }

            Array.Sort(keys, positions, starts[i], lengths[i]);
        });

        var runs = new List<(int Start, int Length)>(starts.Length);
        var total = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            if (lengths[i] > 0)
            {
                runs.Add((starts[i], lengths[i]));
                total += lengths[i];
            }
        }

        var (fromKeys, fromPositions) = (keys, positions);
        TKey[]? toKeys = null;
        int[]? toPositions = null;
        while (runs.Count > 1)
        {
            toKeys ??= new TKey[total];
            toPositions ??= new int[total];
            var next = new (int Start, int Length)[(runs.Count + 1) / 2];
            var at = 0;
            for (var j = 0; j < next.Length; j++)
            {
                var length = runs[2 * j].Length + ((2 * j) + 1 < runs.Count ? runs[(2 * j) + 1].Length : 0);
                next[j] = (at, length);
                at += length;
            }

            var (sk, sp, dk, dp, current) = (fromKeys, fromPositions, toKeys, toPositions, runs);
            Parallel.For(0, next.Length, options, j =>
            {
                var a = current[2 * j];
                var b = (2 * j) + 1 < current.Count ? current[(2 * j) + 1] : (Start: 0, Length: 0);
                MergePair(sk, sp, a, b, dk, dp, next[j].Start);
            });

            runs = [.. next];
            (fromKeys, fromPositions, toKeys, toPositions) = (toKeys, toPositions, fromKeys, fromPositions);
        }

        var result = new TItem[total];
        var first = runs.Count == 0 ? 0 : runs[0].Start;
        var slices = Math.Max(1, Math.Min(workers, total / 65_536));
        Parallel.For(0, slices, options, s =>
        {
            for (var i = (int)((long)total * s / slices); i < (int)((long)total * (s + 1) / slices); i++)
            {
                result[i] = items[fromPositions[first + i]];
            }
        });

        return result;
    }

    private static void MergePair<TKey>(TKey[] keys, int[] positions, (int Start, int Length) a, (int Start, int Length) b, TKey[] toKeys, int[] toPositions, int at)
    {
        int i = a.Start, iEnd = a.Start + a.Length, j = b.Start, jEnd = b.Start + b.Length;
        while (i < iEnd && j < jEnd)
        {
            if (Comparer<TKey>.Default.Compare(keys[j], keys[i]) < 0)
            {
                toKeys[at] = keys[j];
                toPositions[at++] = positions[j++];
            }
            else
            {
                toKeys[at] = keys[i];
                toPositions[at++] = positions[i++];
            }
        }

        Array.Copy(keys, i, toKeys, at, iEnd - i);
        Array.Copy(positions, i, toPositions, at, iEnd - i);
        at += iEnd - i;
        Array.Copy(keys, j, toKeys, at, jEnd - j);
        Array.Copy(positions, j, toPositions, at, jEnd - j);
    }
}
