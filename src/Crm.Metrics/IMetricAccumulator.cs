namespace Crm.Metrics;

/// <summary>
/// A one-pass, mergeable partial result: feed it events, merge partials computed on other partitions, then read the result.
/// </summary>
/// <typeparam name="TSelf">The accumulator type itself.</typeparam>
/// <typeparam name="TItem">The event type it reads.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
/// <remarks>
/// This is how a distributed engine runs a calculator: each partition is accumulated on its own and the partials are
/// merged. Merging the partials of any split of the data into any number of partitions, in any order, gives exactly the
/// result of accumulating the whole data in one pass (unless the calculator documents an approximation and its error).
/// Memory is proportional to the number of customers (or keys), never to the number of events.
/// Accumulators are mutable builders and not thread-safe: use one per partition.
/// </remarks>
public interface IMetricAccumulator<TSelf, in TItem, out TResult>
    where TSelf : IMetricAccumulator<TSelf, TItem, TResult>
{
    /// <summary>Adds one event.</summary>
    void Add(TItem item);

    /// <summary>Merges a partial computed on another partition into this one; <paramref name="other"/> is left unchanged.</summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> was configured differently (another period, zone or option).</exception>
    void Merge(TSelf other);

    /// <summary>Computes the result from what has been added and merged so far.</summary>
    TResult GetResult();
}
