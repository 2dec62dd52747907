using System.Runtime.InteropServices;

namespace Crm.Metrics.Churn;

/// <summary>Counts customers and churned customers per attribute value in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TItem">One customer as the host describes it (a row with its attributes and whether it churned).</typeparam>
/// <typeparam name="TKey">The attribute to group by.</typeparam>
/// <remarks>
/// Each item is one customer that was active at the start of the period. Memory: two counters per attribute value.
/// Lift = group churn rate / overall churn rate, so a lift of 2 means the group churns twice as often as the average
/// customer; small groups give noisy rates, so read a group's rate together with its <see cref="ChurnAuditGroup{TKey}.Customers"/>.
/// </remarks>
public sealed class ChurnAuditAccumulator<TItem, TKey> : IMetricAccumulator<ChurnAuditAccumulator<TItem, TKey>, TItem, ChurnAudit<TKey>>
    where TKey : notnull
{
    private readonly Func<TItem, TKey> _groupBy;
    private readonly Func<TItem, bool> _hasChurned;
    private readonly IComparer<TKey> _keyOrder;
    private readonly Dictionary<TKey, (long Customers, long Churned)> _groups;

    /// <summary>Creates an empty audit.</summary>
    /// <param name="groupBy">The attribute of a customer to group by, e.g. <c>c =&gt; c.BudgetBand</c>.</param>
    /// <param name="hasChurned">Whether the customer was lost during the period.</param>
    /// <param name="keyOrder">Orders keys whose groups have equal rates and sizes; defaults to ordinal order for strings and the natural order otherwise.</param>
    /// <param name="keyComparer">How keys are compared for equality (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="groupBy"/> or <paramref name="hasChurned"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyOrder"/> is null and <typeparamref name="TKey"/> has no natural order.</exception>
    public ChurnAuditAccumulator(Func<TItem, TKey> groupBy, Func<TItem, bool> hasChurned, IComparer<TKey>? keyOrder = null, IEqualityComparer<TKey>? keyComparer = null)
    {
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(hasChurned);
        if (keyOrder is null)
        {
            if (typeof(TKey) == typeof(string))
            {
                keyOrder = (IComparer<TKey>)(object)StringComparer.Ordinal;
            }
            else if (typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey)) || typeof(IComparable).IsAssignableFrom(typeof(TKey)))
            {
                keyOrder = Comparer<TKey>.Default;
            }
            else
            {
                throw new ArgumentException($"A key order is needed: {typeof(TKey).Name} has no natural order, and groups must be listed deterministically.", nameof(keyOrder));
            }
        }

        _groupBy = groupBy;
        _hasChurned = hasChurned;
        _keyOrder = keyOrder;
        _groups = new Dictionary<TKey, (long, long)>(keyComparer);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The key selector returned null.</exception>
    public void Add(TItem item)
    {
        var key = _groupBy(item);
        if (key is null)
        {
            throw new ArgumentException("The group key of a customer must not be null; map a missing attribute to an explicit value such as \"unknown\".", nameof(item));
        }

        var churned = _hasChurned(item);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out _);
        slot = (slot.Customers + 1, slot.Churned + (churned ? 1 : 0));
    }

    /// <inheritdoc />
    /// <remarks>The selectors cannot be compared; merging partials built with different selectors is the caller's mistake.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> orders or compares keys differently.</exception>
    public void Merge(ChurnAuditAccumulator<TItem, TKey> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._keyOrder.Equals(_keyOrder) || !other._groups.Comparer.Equals(_groups.Comparer))
        {
            throw new ArgumentException("Only audits with the same key order and key comparer can be merged.", nameof(other));
        }

        foreach (var (key, (customers, churned)) in other._groups.ToArray())
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out _);
            slot = (slot.Customers + customers, slot.Churned + churned);
        }
    }

    /// <inheritdoc />
    public ChurnAudit<TKey> GetResult()
    {
        long customers = 0, churned = 0;
        foreach (var (c, x) in _groups.Values)
        {
            customers += c;
            churned += x;
        }

        var overall = MetricValue.Ratio(churned, customers, ChurnRate.NoAuditCustomersReason);
        var groups = _groups
            .Select(g =>
            {
                var rate = MetricValue.Ratio(g.Value.Churned, g.Value.Customers, "empty group");
                var lift = overall.TryGetValue(out var o) && o > 0
                    ? MetricValue.Of(rate.Value / o)
                    : MetricValue.Undefined("the overall churn rate is zero: no customer churned");
                var share = MetricValue.Ratio(g.Value.Churned, churned, "no customer churned");
                return new ChurnAuditGroup<TKey>(g.Key, g.Value.Customers, g.Value.Churned, rate, share, lift);
            })
            .ToList();
        groups.Sort((a, b) =>
        {
            // Compare rates exactly by cross-multiplying the counts (no floating-point ties).
            var byRate = ((Int128)b.Churned * a.Customers).CompareTo((Int128)a.Churned * b.Customers);
            if (byRate != 0)
            {
                return byRate;
            }

            var bySize = b.Customers.CompareTo(a.Customers);
            return bySize != 0 ? bySize : _keyOrder.Compare(a.Key, b.Key);
        });
        return new ChurnAudit<TKey>(customers, churned, overall, groups);
    }
}
