using System.Runtime.InteropServices;

namespace Crm.Metrics.Referrals;

/// <summary>Collects referral edges in one pass and computes every customer's depth in the referral forest.</summary>
/// <typeparam name="TKey">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// Each referee has one referrer: adding the same edge twice is harmless, a second, different referrer for a referee is
/// rejected. Memory is one entry per referee; partials merge exactly (the union of their edges).
/// </para>
/// <para>
/// Depths are computed without recursion: each unvisited node walks up its chain of referrers, keeping the path in a
/// list, until it reaches a node whose depth is known or a root, then assigns depths back down the path. Every node is
/// walked once, so the cost is linear in the number of nodes whatever the depth of the chains (a chain 1,000,000 deep
/// needs no stack). A walk that meets a node already on its own path has found a cycle, which is reported.
/// </para>
/// </remarks>
public sealed class ReferralDepthAccumulator<TKey> : IMetricAccumulator<ReferralDepthAccumulator<TKey>, ReferralEdge<TKey>, ReferralDepthDistribution<TKey>>
    where TKey : notnull
{
    private const int Unknown = -1;
    private const int OnPath = -2;
    private const int InCycle = -3;
    private const int BelowCycle = -4;

    private readonly Dictionary<TKey, TKey> _referrerOf;

    /// <summary>Creates an empty accumulator comparing keys with <paramref name="comparer"/> (default equality when null).</summary>
    public ReferralDepthAccumulator(IEqualityComparer<TKey>? comparer = null)
    {
        _referrerOf = new Dictionary<TKey, TKey>(comparer);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A key is null, or the referee already has a different referrer.</exception>
    public void Add(ReferralEdge<TKey> item)
    {
        if (item.Referee is null || item.Referrer is null)
        {
            throw new ArgumentException("A referral edge must name both the referee and the referrer.", nameof(item));
        }

        ref var referrer = ref CollectionsMarshal.GetValueRefOrAddDefault(_referrerOf, item.Referee, out var exists);
        if (exists && !_referrerOf.Comparer.Equals(referrer!, item.Referrer))
        {
            throw new ArgumentException("A referee can have only one referrer; this referee already has a different one.", nameof(item));
        }

        referrer = item.Referrer;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> compares keys differently, or gives a referee another referrer; nothing is merged then.</exception>
    public void Merge(ReferralDepthAccumulator<TKey> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._referrerOf.Comparer.Equals(_referrerOf.Comparer))
        {
            throw new ArgumentException("Only accumulators with the same key comparer can be merged.", nameof(other));
        }

        var edges = other._referrerOf.ToArray();
        foreach (var (referee, referrer) in edges)
        {
            if (_referrerOf.TryGetValue(referee, out var mine) && !_referrerOf.Comparer.Equals(mine, referrer))
            {
                throw new ArgumentException("A referee can have only one referrer; the partitions give one referee different referrers.", nameof(other));
            }
        }

        foreach (var (referee, referrer) in edges)
        {
            _referrerOf[referee] = referrer;
        }
    }

    /// <inheritdoc />
    public ReferralDepthDistribution<TKey> GetResult()
    {
        var index = new Dictionary<TKey, int>(_referrerOf.Count, _referrerOf.Comparer);
        var keys = new List<TKey>(_referrerOf.Count);
        int Id(TKey key)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
            if (!exists)
            {
                id = keys.Count;
                keys.Add(key);
            }

            return id;
        }

        var edges = new List<(int Referee, int Referrer)>(_referrerOf.Count);
        foreach (var (referee, referrer) in _referrerOf)
        {
            edges.Add((Id(referee), Id(referrer)));
        }

        var n = keys.Count;
        var parent = new int[n];
        Array.Fill(parent, -1);
        foreach (var (referee, referrer) in edges)
        {
            parent[referee] = referrer;
        }

        var depth = new int[n];
        Array.Fill(depth, Unknown);
        var position = new int[n];
        var path = new List<int>();
        var cycles = new List<IReadOnlyList<TKey>>();
        for (var start = 0; start < n; start++)
        {
            if (depth[start] != Unknown)
            {
                continue;
            }

            path.Clear();
            var v = start;
            int above;
            while (true)
            {
                var d = depth[v];
                if (d >= 0)
                {
                    above = d;
                    break;
                }

                if (d is InCycle or BelowCycle)
                {
                    above = BelowCycle;
                    break;
                }

                if (d == OnPath)
                {
                    var from = position[v];
                    var cycle = new TKey[path.Count - from];
                    for (var i = from; i < path.Count; i++)
                    {
                        depth[path[i]] = InCycle;
                        cycle[i - from] = keys[path[i]];
                    }

                    cycles.Add(cycle);
                    path.RemoveRange(from, path.Count - from);
                    above = BelowCycle;
                    break;
                }

                if (parent[v] < 0)
                {
                    depth[v] = 0;
                    above = 0;
                    break;
                }

                depth[v] = OnPath;
                position[v] = path.Count;
                path.Add(v);
                v = parent[v];
            }

            for (var i = path.Count - 1; i >= 0; i--)
            {
                above = above == BelowCycle ? BelowCycle : above + 1;
                depth[path[i]] = above;
            }
        }

        var counts = new List<long>();
        long below = 0;
        foreach (var d in depth)
        {
            if (d >= 0)
            {
                while (counts.Count <= d)
                {
                    counts.Add(0);
                }

                counts[d]++;
            }
            else if (d == BelowCycle)
            {
                below++;
            }
        }

        return new ReferralDepthDistribution<TKey>(index, depth, [.. counts], cycles, below);
    }
}
