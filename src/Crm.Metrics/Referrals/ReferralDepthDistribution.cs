namespace Crm.Metrics.Referrals;

/// <summary>How deep each customer sits in the referral forest, the distribution of depths, and any cycles found.</summary>
/// <typeparam name="TKey">The host's customer key.</typeparam>
/// <remarks>
/// A customer who appears in an edge but was not referred is a root, depth 0; a referee is one deeper than their referrer.
/// Referral data with a cycle (A referred B, B referred A) is corrupt: the nodes on each cycle are reported in
/// <see cref="Cycles"/>, the nodes hanging below a cycle are counted in <see cref="NodesBelowCycles"/>, and neither
/// has a depth or is counted in <see cref="CountsByDepth"/>.
/// </remarks>
public sealed class ReferralDepthDistribution<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _index;
    private readonly int[] _depths;

    internal ReferralDepthDistribution(Dictionary<TKey, int> index, int[] depths, long[] countsByDepth, IReadOnlyList<IReadOnlyList<TKey>> cycles, long nodesBelowCycles)
    {
        _index = index;
        _depths = depths;
        CountsByDepth = countsByDepth;
        Cycles = cycles;
        NodesBelowCycles = nodesBelowCycles;
        NodesWithDepth = countsByDepth.Sum();
        long total = 0;
        for (var depth = 0; depth < countsByDepth.Length; depth++)
        {
            total += depth * countsByDepth[depth];
        }

        MeanDepth = MetricValue.Ratio(total, NodesWithDepth, "no customers with a depth: no edges, or every node is on or below a cycle");
    }

    /// <summary>Every customer that appears in an edge, as referee or referrer.</summary>
    public long Nodes => _depths.Length;

    /// <summary>Customers with a depth (not on or below a cycle).</summary>
    public long NodesWithDepth { get; }

    /// <summary>How many customers sit at each depth: index 0 holds the roots, index 1 those they referred directly, and so on.</summary>
    public IReadOnlyList<long> CountsByDepth { get; }

    /// <summary>Customers who were not referred (depth 0).</summary>
    public long Roots => CountsByDepth.Count == 0 ? 0 : CountsByDepth[0];

    /// <summary>The deepest depth, or -1 when no customer has a depth.</summary>
    public int MaxDepth => CountsByDepth.Count - 1;

    /// <summary>The mean depth over the customers with a depth; undefined when there are none.</summary>
    public MetricValue MeanDepth { get; }

    /// <summary>Each referral cycle found, as its nodes in referral order (each is referred by the next; the last by the first).</summary>
    public IReadOnlyList<IReadOnlyList<TKey>> Cycles { get; }

    /// <summary>Whether the data holds a cycle.</summary>
    public bool HasCycles => Cycles.Count > 0;

    /// <summary>Customers on a cycle.</summary>
    public long NodesInCycles => Cycles.Sum(c => (long)c.Count);

    /// <summary>Customers not on a cycle whose chain of referrers leads into one.</summary>
    public long NodesBelowCycles { get; }

    /// <summary>Gets the depth of <paramref name="customer"/>; false when it is in no edge or is on or below a cycle.</summary>
    public bool TryGetDepth(TKey customer, out int depth)
    {
        if (_index.TryGetValue(customer, out var i) && _depths[i] >= 0)
        {
            depth = _depths[i];
            return true;
        }

        depth = 0;
        return false;
    }
}
