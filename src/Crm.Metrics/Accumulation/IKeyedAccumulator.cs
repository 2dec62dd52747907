namespace Crm.Metrics.Accumulation;

/// <summary>An accumulator with one entry per key, which can make room for the entries of partials before merging them.</summary>
/// <remarks>
/// The parallel entry point merges many partials with disjoint customers into one; reserving the room for all of them
/// first saves the dictionary from growing — and copying every entry — a dozen times during the merges.
/// </remarks>
internal interface IKeyedAccumulator
{
    /// <summary>The number of keys (customers) held.</summary>
    int KeyCount { get; }

    /// <summary>Makes room for at least <paramref name="keys"/> keys in all.</summary>
    void ReserveKeys(int keys);
}
