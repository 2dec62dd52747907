namespace Crm.Metrics.Referrals;

/// <summary>One-call entry points for the referral calculators.</summary>
public static class ReferralMetrics
{
    /// <summary>Computes the conversion rate and viral coefficient of <paramref name="invitations"/> in one pass.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="invitations"/> is null.</exception>
    /// <exception cref="ArgumentException">An invitation has a null referrer.</exception>
    public static ReferralFunnel Funnel<TCustomer>(IEnumerable<ReferralInvitation<TCustomer>> invitations)
        where TCustomer : notnull
        => new ReferralFunnelAccumulator<TCustomer>().AddRange(invitations).GetResult();

    /// <summary>Computes every customer's depth in the referral forest of <paramref name="edges"/> and reports cycles.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">An edge has a null key, or a referee has two different referrers.</exception>
    public static ReferralDepthDistribution<TKey> Depths<TKey>(IEnumerable<ReferralEdge<TKey>> edges)
        where TKey : notnull
        => new ReferralDepthAccumulator<TKey>().AddRange(edges).GetResult();
}
