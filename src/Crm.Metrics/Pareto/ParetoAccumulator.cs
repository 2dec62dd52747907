using System.Runtime.InteropServices;
using Crm.Metrics.Accumulation;

namespace Crm.Metrics.Pareto;

/// <summary>Sums purchase amounts per customer in one pass and ranks customers; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// Ranks by whatever the purchases' amounts are: feed revenues to rank by revenue, or margins (one purchase per sale with
/// its margin as the amount) to rank by margin. Negative amounts (refunds, loss-making sales) are accepted and net out in
/// the customer's total. With a <see cref="PurchaseWindow"/>, purchases outside it are skipped and counted in
/// <see cref="ParetoResult{TCustomer}.Counts"/>. Memory: one decimal per customer; <see cref="GetResult"/> sorts the customers.
/// </remarks>
public sealed class ParetoAccumulator<TCustomer> : IMetricAccumulator<ParetoAccumulator<TCustomer>, Purchase<TCustomer>, ParetoResult<TCustomer>>, IKeyedAccumulator
    where TCustomer : notnull
{
    private readonly Dictionary<TCustomer, decimal> _totals;
    private readonly IComparer<TCustomer> _customerOrder;
    private WindowCounts _counts;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="window">The days read and the zone an instant's day is read in; every purchase when null.</param>
    /// <param name="customerOrder">Orders customers with equal totals; defaults to ordinal order for strings and the natural order otherwise.</param>
    /// <param name="comparer">How customer keys are compared for equality (default equality when null).</param>
    /// <exception cref="ArgumentException"><paramref name="customerOrder"/> is null and <typeparamref name="TCustomer"/> has no natural order.</exception>
    public ParetoAccumulator(PurchaseWindow? window = null, IComparer<TCustomer>? customerOrder = null, IEqualityComparer<TCustomer>? comparer = null)
    {
        Window = window;
        if (customerOrder is null)
        {
            if (typeof(TCustomer) == typeof(string))
            {
                customerOrder = (IComparer<TCustomer>)(object)StringComparer.Ordinal;
            }
            else if (typeof(IComparable<TCustomer>).IsAssignableFrom(typeof(TCustomer)) || typeof(IComparable).IsAssignableFrom(typeof(TCustomer)))
            {
                customerOrder = Comparer<TCustomer>.Default;
            }
            else
            {
                throw new ArgumentException($"A customer order is needed: {typeof(TCustomer).Name} has no natural order, and equal totals must be ranked deterministically.", nameof(customerOrder));
            }
        }

        _customerOrder = customerOrder;
        _totals = new Dictionary<TCustomer, decimal>(comparer);
    }

    /// <summary>The days read, or <see langword="null"/> when every purchase is read.</summary>
    public PurchaseWindow? Window { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The purchase names no customer (a default value).</exception>
    public void Add(Purchase<TCustomer> item)
    {
        Retention.PurchaseChecks.Check(item, acceptRefunds: true);
        if (Window is { } window)
        {
            var day = Repeat.LocalDays.Of(item, window.Zone);
            if (!_counts.Admits(day, window))
            {
                return;
            }
        }

        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_totals, item.Customer, out _);
        total = AmountTotals.Add(total, item.Amount, "spend");
        _counts.Included++;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> reads another window, or orders or compares customers differently.</exception>
    public void Merge(ParetoAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Equals(other.Window, Window) || !other._customerOrder.Equals(_customerOrder) || !other._totals.Comparer.Equals(_totals.Comparer))
        {
            throw new ArgumentException("Only accumulators with the same window, customer order and comparer can be merged.", nameof(other));
        }

        _counts.Add(other._counts);

        foreach (var (customer, total) in other._totals.ToArray())
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_totals, customer, out _) += total;
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The customer order ranked two different customers with equal totals as equal.</exception>
    public ParetoResult<TCustomer> GetResult()
    {
        var entries = _totals.ToArray();
        Array.Sort(entries, (a, b) =>
        {
            var byAmount = b.Value.CompareTo(a.Value);
            return byAmount != 0 ? byAmount : _customerOrder.Compare(a.Key, b.Key);
        });
        var ranked = new CustomerAmount<TCustomer>[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            if (i > 0 && entries[i].Value == entries[i - 1].Value && _customerOrder.Compare(entries[i].Key, entries[i - 1].Key) == 0)
            {
                throw new InvalidOperationException("The customer order must tell every two customers apart; two customers with equal totals compared as equal.");
            }

            ranked[i] = new CustomerAmount<TCustomer>(entries[i].Key, entries[i].Value, i + 1);
        }

        return new ParetoResult<TCustomer>(ranked, _counts.ToCounts());
    }

    int IKeyedAccumulator.KeyCount => _totals.Count;

    void IKeyedAccumulator.ReserveKeys(int keys) => _totals.EnsureCapacity(keys);
}
