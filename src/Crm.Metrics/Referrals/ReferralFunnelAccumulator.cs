namespace Crm.Metrics.Referrals;

/// <summary>Computes a <see cref="ReferralFunnel"/> from invitations in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>Keeps two counters and the set of distinct referrers, so memory is proportional to referrers.</remarks>
public sealed class ReferralFunnelAccumulator<TCustomer> : IMetricAccumulator<ReferralFunnelAccumulator<TCustomer>, ReferralInvitation<TCustomer>, ReferralFunnel>
    where TCustomer : notnull
{
    private readonly HashSet<TCustomer> _referrers;
    private long _sent;
    private long _converted;

    /// <summary>Creates an empty accumulator comparing customer keys with <paramref name="comparer"/> (default equality when null).</summary>
    public ReferralFunnelAccumulator(IEqualityComparer<TCustomer>? comparer = null)
    {
        _referrers = new HashSet<TCustomer>(comparer);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The referrer is null.</exception>
    public void Add(ReferralInvitation<TCustomer> item)
    {
        if (item.Referrer is null)
        {
            throw new ArgumentException("An invitation must name its referrer.", nameof(item));
        }

        _referrers.Add(item.Referrer);
        _sent++;
        if (item.Converted)
        {
            _converted++;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> compares customer keys differently.</exception>
    public void Merge(ReferralFunnelAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._referrers.Comparer.Equals(_referrers.Comparer))
        {
            throw new ArgumentException("Only accumulators with the same key comparer can be merged.", nameof(other));
        }

        _referrers.UnionWith(other._referrers.ToArray());
        _sent += other._sent;
        _converted += other._converted;
    }

    /// <inheritdoc />
    public ReferralFunnel GetResult()
        => new(_sent, _converted, _referrers.Count, MetricValue.Ratio(_converted, _sent, "no invitations sent"));
}
