namespace Crm.Metrics.Rfm;

/// <summary>How RFM quintile scoring treats customers with equal values.</summary>
public enum RfmScoringTieRule
{
    /// <summary>
    /// Equal values always share a score: a customer scores 1 + ⌊5 × L / n⌋, with L the customers whose value is strictly
    /// worse. Without ties this gives balanced quintiles; with heavy ties some scores stay empty rather than splitting equals.
    /// </summary>
    SharedScore = 1,

    /// <summary>
    /// Exactly balanced quintiles: customers are ranked by value and then by a secondary key, and the customer at rank i
    /// (0-based, worst first) scores 1 + ⌊5 × i / n⌋. Equal values may get different scores, decided by the secondary key.
    /// </summary>
    RankTiles = 2,
}
