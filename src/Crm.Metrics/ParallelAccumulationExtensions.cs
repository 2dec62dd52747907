using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Crm.Metrics.Accumulation;

namespace Crm.Metrics;

/// <summary>Feeds purchases into an accumulator on several cores: partition by customer, accumulate each partition, merge.</summary>
/// <remarks>
/// <para>
/// Every purchase of one customer goes to the same partition (chosen from the customer key's hash), so the partials hold
/// disjoint customers and merging them mostly copies entries. Each partial is a fresh accumulator made by
/// <c>createPartial</c>, which must be configured exactly as the target (same options, zone, comparer); the target itself
/// is the first partition, and the other partials are merged into it on the calling thread. The result equals one
/// sequential <see cref="MetricAccumulatorExtensions.AddRange{TSelf, TItem, TResult}"/> over the same purchases, because
/// every accumulator of this package merges exactly under any partition.
/// </para>
/// <para>
/// Over an array or a <see cref="ReadOnlyMemory{T}"/> the purchases are first grouped by partition, with many more
/// partitions than cores — about one per 40,000 purchases, up to 128 per core — so that the customers of one partition,
/// and the state they touch, stay in the processor's cache while all of its purchases are added in one visit; the cores
/// take partitions in turn. The grouping numbers every purchase's partition (2 bytes a purchase) and then copies whole
/// partitions, as many as fit in a buffer of 1,048,576 purchases (or the largest partition), on every core. With
/// purchases in random order this is several times faster than adding them one by one, because one add otherwise costs a
/// few misses to main memory. For the RFM summary and the cohort matrix the partials are kept side by side, not merged:
/// their customers are disjoint, and the result is computed from them on every core (a later <c>Add</c> or <c>Merge</c>
/// folds them into the target first).
/// Over a span or a sequence the calling thread reads the input once, accumulates its own partition and hands the others'
/// purchases to the workers in batches of 4,096 through bounded queues, so memory stays bounded whatever the length of
/// the sequence. Below a few batches of purchases everything runs on the calling thread.
/// </para>
/// <para>
/// As with <see cref="MetricAccumulatorExtensions.AddRange{TSelf, TItem, TResult}"/>, an invalid purchase stops the work
/// and its exception is rethrown as is; the target may then hold part of the input, so discard it.
/// </para>
/// </remarks>
public static class ParallelAccumulationExtensions
{
    private const int BatchSize = 4096;

    // Purchases per partition over which a partition pays for itself; at most this many purchases are copied at a time.
    private const int PurchasesPerPartition = 40_000;
    private const int ChunkSize = 1 << 20;

    /// <summary>Adds every purchase of <paramref name="purchases"/> using up to <paramref name="maxDegreeOfParallelism"/> cores and returns the accumulator.</summary>
    /// <param name="accumulator">The target; also accumulates the first partition.</param>
    /// <param name="purchases">The purchases, in any order.</param>
    /// <param name="createPartial">Makes an empty accumulator configured as <paramref name="accumulator"/>.</param>
    /// <param name="maxDegreeOfParallelism">The number of partitions; 0 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="customerComparer">The comparer whose hash partitions customers; the default comparer when null.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="createPartial"/> returned null or the target itself.</exception>
    public static TSelf AddRangeInParallel<TSelf, TCustomer, TResult>(
        this IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult> accumulator,
        Purchase<TCustomer>[] purchases,
        Func<TSelf> createPartial,
        int maxDegreeOfParallelism = 0,
        IEqualityComparer<TCustomer>? customerComparer = null)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
        ArgumentNullException.ThrowIfNull(purchases);
        return accumulator.AddRangeInParallel(new ReadOnlyMemory<Purchase<TCustomer>>(purchases), createPartial, maxDegreeOfParallelism, customerComparer);
    }

    /// <inheritdoc cref="AddRangeInParallel{TSelf, TCustomer, TResult}(IMetricAccumulator{TSelf, Purchase{TCustomer}, TResult}, Purchase{TCustomer}[], Func{TSelf}, int, IEqualityComparer{TCustomer})"/>
    public static TSelf AddRangeInParallel<TSelf, TCustomer, TResult>(
        this IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult> accumulator,
        ReadOnlyMemory<Purchase<TCustomer>> purchases,
        Func<TSelf> createPartial,
        int maxDegreeOfParallelism = 0,
        IEqualityComparer<TCustomer>? customerComparer = null)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
        var workers = Workers(accumulator, createPartial, maxDegreeOfParallelism, purchases.Length);
        if (workers == 1)
        {
            foreach (ref readonly var purchase in purchases.Span)
            {
                accumulator.Add(purchase);
            }

            return (TSelf)accumulator;
        }

        // Many more partitions than workers, so that the customers of one partition — and the state they touch — stay in
        // the cache while all of that partition's purchases are added, in one visit.
        var perWorker = Math.Clamp(purchases.Length / (workers * PurchasesPerPartition), 1, 128);
        var disjoint = StartsEmpty(accumulator);
        var partials = CreatePartials(accumulator, createPartial, Math.Min(workers * perWorker, ushort.MaxValue));
        var comparer = customerComparer ?? EqualityComparer<TCustomer>.Default;
        var scatter = new Scatter<TCustomer>(purchases, partials.Length, workers, comparer);
        while (scatter.FillNextGroup(out var first, out var end))
        {
            var next = first - 1;
            try
            {
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
                {
                    int p;
                    while ((p = Interlocked.Increment(ref next)) < end)
                    {
                        var partial = partials[p];
                        foreach (ref readonly var purchase in scatter.Partition(p))
                        {
                            partial.Add(purchase);
                        }
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }

        return MergeInto<TSelf, TCustomer, TResult>(partials, workers, disjoint ? comparer : null);
    }

    /// <inheritdoc cref="AddRangeInParallel{TSelf, TCustomer, TResult}(IMetricAccumulator{TSelf, Purchase{TCustomer}, TResult}, Purchase{TCustomer}[], Func{TSelf}, int, IEqualityComparer{TCustomer})"/>
    public static TSelf AddRangeInParallel<TSelf, TCustomer, TResult>(
        this IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult> accumulator,
        ReadOnlySpan<Purchase<TCustomer>> purchases,
        Func<TSelf> createPartial,
        int maxDegreeOfParallelism = 0,
        IEqualityComparer<TCustomer>? customerComparer = null)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
#if NET9_0_OR_GREATER
        var disjoint = StartsEmpty(accumulator);
        var partials = CreatePartials(accumulator, createPartial, Workers(accumulator, createPartial, maxDegreeOfParallelism, purchases.Length));
        return Routed<TSelf, TCustomer, TResult, ReadOnlySpan<Purchase<TCustomer>>.Enumerator>(partials, customerComparer, purchases.GetEnumerator(), disjoint);
#else
        // .NET 8 has no ref-struct generic arguments: the span is copied once and takes the array path.
        return accumulator.AddRangeInParallel(new ReadOnlyMemory<Purchase<TCustomer>>(purchases.ToArray()), createPartial, maxDegreeOfParallelism, customerComparer);
#endif
    }

    /// <inheritdoc cref="AddRangeInParallel{TSelf, TCustomer, TResult}(IMetricAccumulator{TSelf, Purchase{TCustomer}, TResult}, Purchase{TCustomer}[], Func{TSelf}, int, IEqualityComparer{TCustomer})"/>
    public static TSelf AddRangeInParallel<TSelf, TCustomer, TResult>(
        this IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult> accumulator,
        IEnumerable<Purchase<TCustomer>> purchases,
        Func<TSelf> createPartial,
        int maxDegreeOfParallelism = 0,
        IEqualityComparer<TCustomer>? customerComparer = null)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
        ArgumentNullException.ThrowIfNull(purchases);
        if (purchases is Purchase<TCustomer>[] array)
        {
            return accumulator.AddRangeInParallel(new ReadOnlyMemory<Purchase<TCustomer>>(array), createPartial, maxDegreeOfParallelism, customerComparer);
        }

        var disjoint = StartsEmpty(accumulator);
        var partials = CreatePartials(accumulator, createPartial, Workers(accumulator, createPartial, maxDegreeOfParallelism, int.MaxValue));
        using var enumerator = purchases.GetEnumerator();
        return Routed<TSelf, TCustomer, TResult, IEnumerator<Purchase<TCustomer>>>(partials, customerComparer, enumerator, disjoint);
    }

    private static int Workers<TSelf, TCustomer, TResult>(
        IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult> accumulator,
        Func<TSelf> createPartial,
        int maxDegreeOfParallelism,
        int length)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(createPartial);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        var workers = maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        // Below a few batches the threads cost more than they save.
        return Math.Max(1, Math.Min(workers, length / BatchSize));
    }

    private static TSelf[] CreatePartials<TSelf, TCustomer, TResult>(
        IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult> accumulator,
        Func<TSelf> createPartial,
        int count)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
        var partials = new TSelf[count];
        partials[0] = (TSelf)accumulator;
        for (var w = 1; w < count; w++)
        {
            var partial = createPartial();
            if (partial is null || ReferenceEquals(partial, accumulator))
            {
                throw new InvalidOperationException("createPartial must return a new, empty accumulator configured as the target.");
            }

            partials[w] = partial;
        }

        return partials;
    }

    // Reads the input once on the calling thread, accumulating the first partition and routing the others to workers.
    private static TSelf Routed<TSelf, TCustomer, TResult, TEnumerator>(TSelf[] partials, IEqualityComparer<TCustomer>? customerComparer, TEnumerator purchases, bool disjoint)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
#if NET9_0_OR_GREATER
        where TEnumerator : IEnumerator<Purchase<TCustomer>>, allows ref struct
#else
        where TEnumerator : IEnumerator<Purchase<TCustomer>>
#endif
    {
        using var router = new Router<TSelf, TCustomer, TResult>(partials, customerComparer ?? EqualityComparer<TCustomer>.Default);
        try
        {
            while (purchases.MoveNext())
            {
                router.Route(purchases.Current);
            }
        }
        catch (Exception e)
        {
            router.Abort(e);
            throw;
        }

        router.Complete();
        return MergeInto<TSelf, TCustomer, TResult>(partials, partials.Length, disjoint ? router.Comparer : null);
    }

    // Whether the target holds no customer yet, so that the partials' customers will be disjoint from its own.
    private static bool StartsEmpty<TSelf, TCustomer, TResult>(IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult> accumulator)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
        => accumulator is IKeyedAccumulator { KeyCount: 0 };

    // Partials of an empty target hold disjoint customers: an accumulator that can compute its result from them side by
    // side keeps them; any other merges them into the target, which reserves room for all of their customers first.
    private static TSelf MergeInto<TSelf, TCustomer, TResult>(TSelf[] partials, int workers, IEqualityComparer<TCustomer>? disjointUnder)
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
        if (disjointUnder is not null && partials.Length > 1 && partials[0] is IDisjointPartials<TSelf> keeper
            && keeper.TryAdoptDisjoint(partials, workers, disjointUnder))
        {
            return partials[0];
        }

        if (partials.Length > 1 && partials[0] is IKeyedAccumulator target)
        {
            var keys = 0L;
            foreach (var partial in partials)
            {
                keys += ((IKeyedAccumulator)partial).KeyCount;
            }

            target.ReserveKeys((int)Math.Min(keys, Array.MaxLength));
        }

        for (var w = 1; w < partials.Length; w++)
        {
            partials[0].Merge(partials[w]);
        }

        return partials[0];
    }

    // Fibonacci hashing spreads keys whose hashes differ only in high or low bits; the multiply-shift maps to [0, count).
    // A missing customer goes to the first partition, whose accumulator rejects it on the calling thread.
    private static int PartitionOf<TCustomer>(TCustomer customer, IEqualityComparer<TCustomer> comparer, int count)
        where TCustomer : notnull
        => customer is null ? 0 : (int)(((ulong)((uint)comparer.GetHashCode(customer) * 0x9E3779B9u) * (uint)count) >> 32);

    // Copies the purchases grouped by partition, a group of whole partitions at a time (a counting sort on the partition
    // number). A first pass numbers every purchase's partition (2 bytes each) and counts them per worker; each group is
    // then copied by every worker from its own slice of the input, so that a partition's purchases all arrive together.
    private sealed class Scatter<TCustomer>
        where TCustomer : notnull
    {
        private readonly ReadOnlyMemory<Purchase<TCustomer>> _input;
        private readonly ushort[] _partitionOf;
        private readonly int[][] _counts;
        private readonly int[][] _cursors;
        private readonly int[] _totals;
        private readonly int[] _starts;
        private readonly Purchase<TCustomer>[] _grouped;
        private readonly ParallelOptions _options;
        private int _nextPartition;

        public Scatter(ReadOnlyMemory<Purchase<TCustomer>> input, int partitions, int workers, IEqualityComparer<TCustomer> comparer)
        {
            _input = input;
            _partitionOf = new ushort[input.Length];
            _counts = new int[workers][];
            _cursors = new int[workers][];
            _totals = new int[partitions];
            _starts = new int[partitions + 1];
            _options = new ParallelOptions { MaxDegreeOfParallelism = workers };
            Run(w =>
            {
                var counts = _counts[w] = new int[partitions];
                _cursors[w] = new int[partitions];
                var span = _input.Span;
                for (var i = Start(w); i < Start(w + 1); i++)
                {
                    var p = PartitionOf(span[i].Customer, comparer, partitions);
                    _partitionOf[i] = (ushort)p;
                    counts[p]++;
                }
            });

            var largest = 0;
            for (var p = 0; p < partitions; p++)
            {
                foreach (var counts in _counts)
                {
                    _totals[p] += counts[p];
                }

                largest = Math.Max(largest, _totals[p]);
            }

            _grouped = new Purchase<TCustomer>[Math.Min(input.Length, Math.Max(ChunkSize, largest))];
        }

        // Copies the next partitions [first, end) that fit in the buffer together, grouped by partition; false when done.
        public bool FillNextGroup(out int first, out int end)
        {
            first = _nextPartition;
            end = first;
            var at = 0;
            while (end < _totals.Length && at + _totals[end] <= _grouped.Length)
            {
                // Partition p starts where p − 1 ends; within it, worker w's purchases follow those of workers 0 … w − 1.
                _starts[end] = at;
                for (var w = 0; w < _counts.Length; w++)
                {
                    _cursors[w][end] = at;
                    at += _counts[w][end];
                }

                end++;
            }

            _starts[end] = at;
            _nextPartition = end;
            if (end == first)
            {
                return false;
            }

            var (lo, count) = (first, (uint)(end - first));
            Run(w =>
            {
                var cursors = _cursors[w];
                var span = _input.Span;
                for (var i = Start(w); i < Start(w + 1); i++)
                {
                    int p = _partitionOf[i];
                    if ((uint)(p - lo) < count)
                    {
                        _grouped[cursors[p]++] = span[i];
                    }
                }
            });

            return true;
        }

        public ReadOnlySpan<Purchase<TCustomer>> Partition(int p) => _grouped.AsSpan(_starts[p], _starts[p + 1] - _starts[p]);

        private int Start(int worker) => (int)((long)_input.Length * worker / _counts.Length);

        private void Run(Action<int> slice)
        {
            try
            {
                Parallel.For(0, _counts.Length, _options, slice);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }
    }

    // Hands every partition but the first to a worker task through a bounded queue of batches; the first is accumulated
    // on the calling thread as it routes.
    private sealed class Router<TSelf, TCustomer, TResult> : IDisposable
        where TSelf : IMetricAccumulator<TSelf, Purchase<TCustomer>, TResult>
        where TCustomer : notnull
    {
        private readonly TSelf[] _partials;
        private readonly BlockingCollection<(Purchase<TCustomer>[] Batch, int Count)>[] _queues;
        private readonly (Purchase<TCustomer>[] Batch, int Count)[] _filling;
        private readonly ConcurrentBag<Purchase<TCustomer>[]> _spare = [];
        private readonly Task[] _workers;
        private readonly CancellationTokenSource _failed = new();

        public Router(TSelf[] partials, IEqualityComparer<TCustomer> comparer)
        {
            _partials = partials;
            Comparer = comparer;
            _queues = new BlockingCollection<(Purchase<TCustomer>[], int)>[partials.Length];
            _filling = new (Purchase<TCustomer>[], int)[partials.Length];
            _workers = new Task[partials.Length];
            _workers[0] = Task.CompletedTask;
            for (var w = 1; w < partials.Length; w++)
            {
                _queues[w] = new BlockingCollection<(Purchase<TCustomer>[], int)>(boundedCapacity: 4);
                _filling[w] = (new Purchase<TCustomer>[BatchSize], 0);
                var worker = w;
                _workers[w] = Task.Factory.StartNew(() => Work(worker), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }

        public IEqualityComparer<TCustomer> Comparer { get; }

        public void Route(in Purchase<TCustomer> purchase)
        {
            var w = _partials.Length == 1 ? 0 : PartitionOf(purchase.Customer, Comparer, _partials.Length);
            if (w == 0)
            {
                _partials[0].Add(purchase);
                return;
            }

            ref var filling = ref _filling[w];
            filling.Batch[filling.Count++] = purchase;
            if (filling.Count == BatchSize)
            {
                _queues[w].Add(filling, _failed.Token);
                filling = (_spare.TryTake(out var spare) ? spare : new Purchase<TCustomer>[BatchSize], 0);
            }
        }

        // Flushes the last batches and waits for the workers, rethrowing the first failure as is.
        public void Complete()
        {
            try
            {
                for (var w = 1; w < _partials.Length; w++)
                {
                    if (_filling[w].Count > 0)
                    {
                        _queues[w].Add(_filling[w], _failed.Token);
                    }

                    _queues[w].CompleteAdding();
                }
            }
            catch (OperationCanceledException)
            {
                // A worker failed: its exception is rethrown below.
            }

            WaitForWorkers();
        }

        // Stops the workers after the router failed. When it failed because a worker did, the worker's exception is thrown
        // instead of the cancellation.
        public void Abort(Exception e)
        {
            _failed.Cancel();
            for (var w = 1; w < _partials.Length; w++)
            {
                _queues[w].CompleteAdding();
            }

            if (e is OperationCanceledException)
            {
                WaitForWorkers();
            }
        }

        public void Dispose()
        {
            _failed.Dispose();
            foreach (var queue in _queues)
            {
                queue?.Dispose();
            }
        }

        private void WaitForWorkers()
        {
            try
            {
                Task.WaitAll(_workers);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }

        private void Work(int w)
        {
            try
            {
                foreach (var (batch, count) in _queues[w].GetConsumingEnumerable(_failed.Token))
                {
                    foreach (ref readonly var purchase in batch.AsSpan(0, count))
                    {
                        _partials[w].Add(purchase);
                    }

                    _spare.Add(batch);
                }
            }
            catch (OperationCanceledException) when (_failed.IsCancellationRequested)
            {
                // The router failed and reports its own exception.
            }
            catch
            {
                _failed.Cancel();
                throw;
            }
        }
    }
}
