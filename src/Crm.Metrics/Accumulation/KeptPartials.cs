namespace Crm.Metrics.Accumulation;

/// <summary>The disjoint partials an <see cref="IDisjointPartials{TSelf}"/> keeps beside itself, and the cores its result may use.</summary>
/// <typeparam name="TSelf">The accumulator type.</typeparam>
internal struct KeptPartials<TSelf>
    where TSelf : class, IKeyedAccumulator
{
    /// <summary>The owner first, then the partials; null when none are kept.</summary>
    public TSelf[]? All { get; private set; }

    /// <summary>The cores the result may use.</summary>
    public int Workers { get; private set; }

    /// <summary>The kept partials other than the owner; empty when none are kept.</summary>
    public readonly ReadOnlySpan<TSelf> Others => All is null ? [] : All.AsSpan(1);

    /// <summary>The keys of the owner (<paramref name="ownKeys"/>) and of the kept partials.</summary>
    public readonly int KeyCount(int ownKeys)
    {
        var keys = (long)ownKeys;
        foreach (var partial in Others)
        {
            keys += partial.KeyCount;
        }

        return (int)Math.Min(keys, Array.MaxLength);
    }

    /// <summary>Keeps <paramref name="partials"/> when they were partitioned with the owner's key equality.</summary>
    public bool TryKeep(TSelf[] partials, int workers, object partitionComparer, object ownComparer)
    {
        if (!Equals(partitionComparer, ownComparer))
        {
            return false;
        }

        All = partials;
        Workers = workers;
        return true;
    }

    /// <summary>Stops keeping the partials and merges them into <paramref name="owner"/>, which first makes room for all their keys.</summary>
    public void FoldInto(TSelf owner, Action<TSelf> merge)
    {
        var others = Others;
        if (others.IsEmpty)
        {
            All = null;
            return;
        }

        owner.ReserveKeys(owner.KeyCount);
        All = null;
        foreach (var partial in others)
        {
            merge(partial);
        }
    }
}
