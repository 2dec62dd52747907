namespace Crm.Metrics.Accumulation;

/// <summary>Merges sorted runs of distinct keys, each with its items, into one sorted sequence, pairs of runs on several cores.</summary>
internal static class SortedRuns
{
    /// <summary>
    /// Merges the runs <c>[starts[i], starts[i] + lengths[i])</c> of <paramref name="keys"/> (each sorted, the keys of all
    /// runs distinct) and returns the merged items, exactly as many as the runs hold.
    /// </summary>
    /// <remarks>Distinct keys make the order unique, so the result does not depend on how the keys were split into runs.</remarks>
    public static TItem[] Merge<TKey, TItem>(TKey[] keys, TItem[] items, int[] starts, int[] lengths, int workers, IComparer<TKey> comparer)
    {
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

        if (runs.Count == 0)
        {
            return [];
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) };
        var (fromKeys, fromItems) = (keys, items);
        TKey[]? toKeys = null;
        TItem[]? toItems = null;
        while (runs.Count > 1 || runs[0].Start != 0)
        {
            toKeys ??= new TKey[total];
            toItems ??= new TItem[total];
            var next = new (int Start, int Length)[(runs.Count + 1) / 2];
            var at = 0;
            for (var j = 0; j < next.Length; j++)
            {
                var length = runs[2 * j].Length + (2 * j + 1 < runs.Count ? runs[(2 * j) + 1].Length : 0);
                next[j] = (at, length);
                at += length;
            }

            var (sk, si, dk, di, current) = (fromKeys, fromItems, toKeys, toItems, runs);
            Parallel.For(0, next.Length, options, j =>
            {
                var a = current[2 * j];
                var b = 2 * j + 1 < current.Count ? current[(2 * j) + 1] : (Start: 0, Length: 0);
                MergePair(sk, si, a, b, dk, di, next[j].Start, comparer);
            });

            runs = [.. next];
            (fromKeys, fromItems, toKeys, toItems) = (toKeys, toItems, fromKeys, fromItems);
        }

        if (fromItems.Length != total)
        {
            Array.Resize(ref fromItems, total);
        }

        return fromItems;
    }

    private static void MergePair<TKey, TItem>(
        TKey[] keys,
        TItem[] items,
        (int Start, int Length) a,
        (int Start, int Length) b,
        TKey[] toKeys,
        TItem[] toItems,
        int at,
        IComparer<TKey> comparer)
    {
        int i = a.Start, iEnd = a.Start + a.Length, j = b.Start, jEnd = b.Start + b.Length;
        while (i < iEnd && j < jEnd)
        {
            if (comparer.Compare(keys[j], keys[i]) < 0)
            {
                toKeys[at] = keys[j];
                toItems[at++] = items[j++];
            }
            else
            {
                toKeys[at] = keys[i];
                toItems[at++] = items[i++];
            }
        }

        Array.Copy(keys, i, toKeys, at, iEnd - i);
        Array.Copy(items, i, toItems, at, iEnd - i);
        at += iEnd - i;
        Array.Copy(keys, j, toKeys, at, jEnd - j);
        Array.Copy(items, j, toItems, at, jEnd - j);
    }
}
