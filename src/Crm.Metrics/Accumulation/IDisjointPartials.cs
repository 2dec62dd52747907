namespace Crm.Metrics.Accumulation;

/// <summary>
/// An accumulator that can keep partials of disjoint customers beside itself and compute its result from all of them on
/// several cores, instead of merging them into one dictionary first.
/// </summary>
/// <remarks>
/// The parallel entry point accumulates many partials whose customers are disjoint; merging them copies every customer
/// once more into a dictionary larger than the cache, on one thread. An accumulator implementing this interface adopts
/// them as they are and folds them into itself only when something else than <c>GetResult</c> needs one dictionary
/// (a later <c>Add</c> or <c>Merge</c>).
/// </remarks>
/// <typeparam name="TSelf">The accumulator type.</typeparam>
internal interface IDisjointPartials<TSelf> : IKeyedAccumulator
{
    /// <summary>
    /// Keeps <paramref name="partials"/> (this accumulator first, then partials holding none of its customers nor each
    /// other's) when they were partitioned with this accumulator's own key equality; otherwise does nothing.
    /// </summary>
    /// <param name="partials">This accumulator first, then the partials to keep; configured as this one.</param>
    /// <param name="workers">The number of cores the result may use.</param>
    /// <param name="partitionComparer">The key equality the customers were partitioned with.</param>
    /// <returns>Whether the partials were kept; when not, the caller merges them.</returns>
    bool TryAdoptDisjoint(TSelf[] partials, int workers, object partitionComparer);
}
