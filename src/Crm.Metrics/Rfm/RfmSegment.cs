namespace Crm.Metrics.Rfm;

/// <summary>The named customer segments of the default RFM segment map (<see cref="RfmSegmentMap.Default"/>).</summary>
public enum RfmSegment
{
    /// <summary>Bought very recently, often and for a lot (R 5, FM 4–5).</summary>
    Champions = 1,

    /// <summary>Buy often and for a lot, fairly recently (R 3–4, FM 4–5).</summary>
    LoyalCustomers = 2,

    /// <summary>Recent customers with average frequency and spend (R 4–5, FM 2–3).</summary>
    PotentialLoyalists = 3,

    /// <summary>Bought for the first time very recently (R 5, FM 1).</summary>
    NewCustomers = 4,

    /// <summary>Recent shoppers who have not bought much yet (R 4, FM 1).</summary>
    Promising = 5,

    /// <summary>Average recency, frequency and spend (R 3, FM 3).</summary>
    NeedAttention = 6,

    /// <summary>Below-average recency and frequency; will be lost without reactivation (R 3, FM 1–2).</summary>
    AboutToSleep = 7,

    /// <summary>Used to buy often and for a lot, but not for a long time (R 1–2, FM 3–4).</summary>
    AtRisk = 8,

    /// <summary>The best customers once, who have not come back for a long time (R 1–2, FM 5).</summary>
    CannotLoseThem = 9,

    /// <summary>Last bought long ago, rarely and for little (R 2, FM 1–2; R 1, FM 2).</summary>
    Hibernating = 10,

    /// <summary>The lowest scores on every axis (R 1, FM 1).</summary>
    Lost = 11,
}
