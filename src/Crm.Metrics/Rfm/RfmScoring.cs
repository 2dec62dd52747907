namespace Crm.Metrics.Rfm;

/// <summary>One-call entry point for RFM quintile scoring.</summary>
public static class RfmScoring
{
    /// <summary>Scores <paramref name="customers"/> 1–5 on recency, frequency and monetary value by quintiles.</summary>
    /// <param name="customers">One input per customer.</param>
    /// <param name="tieRule">How equal values are scored; see <see cref="RfmScoringAccumulator{TCustomer}"/>.</param>
    /// <param name="tieBreaker">For <see cref="RfmScoringTieRule.RankTiles"/>: the secondary key; defaults to the key's natural order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> is null.</exception>
    /// <exception cref="ArgumentException">A customer appears twice, or RankTiles has no usable tie breaker.</exception>
    /// <exception cref="InvalidOperationException">The RankTiles tie breaker ranked two different customers as equal.</exception>
    public static RfmScoringResult<TCustomer> Score<TCustomer>(
        IEnumerable<RfmScoringInput<TCustomer>> customers,
        RfmScoringTieRule tieRule = RfmScoringTieRule.SharedScore,
        IComparer<TCustomer>? tieBreaker = null)
        where TCustomer : notnull
        => new RfmScoringAccumulator<TCustomer>(tieRule, tieBreaker).AddRange(customers).GetResult();
}
