namespace Crm.Metrics;

/// <summary>Feeds sequences and asynchronous streams into an <see cref="IMetricAccumulator{TSelf, TItem, TResult}"/> in one pass.</summary>
public static class MetricAccumulatorExtensions
{
    /// <summary>Adds every item of <paramref name="items"/> and returns the accumulator.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TSelf AddRange<TSelf, TItem, TResult>(this IMetricAccumulator<TSelf, TItem, TResult> accumulator, IEnumerable<TItem> items)
        where TSelf : IMetricAccumulator<TSelf, TItem, TResult>
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            accumulator.Add(item);
        }

        return (TSelf)accumulator;
    }

    /// <summary>Adds every item of <paramref name="items"/> as it arrives and returns the accumulator.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async ValueTask<TSelf> AddRangeAsync<TSelf, TItem, TResult>(
        this IMetricAccumulator<TSelf, TItem, TResult> accumulator,
        IAsyncEnumerable<TItem> items,
        CancellationToken cancellationToken = default)
        where TSelf : IMetricAccumulator<TSelf, TItem, TResult>
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(items);
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(item);
        }

        return (TSelf)accumulator;
    }
}
