namespace Crm.Loyalty;

/// <summary>The <see cref="Microsoft.Extensions.Logging.EventId"/> numbers Crm.Loyalty logs with, so hosts can filter them.</summary>
/// <remarks>Crm.Loyalty owns 3000–3999: 3000–3099 the ledger (3040–3049 referral rewards and merges), 3100–3199 tiers, 3300–3319 badges; Crm.Loyalty.Interactions uses 3200–3219. Numbers are never reused for another meaning.</remarks>
public static partial class LoyaltyEventIds
{
    /// <summary>Points were credited to a member (an earning, an award, a positive adjustment or a cancelled redemption) (Information).</summary>
    public const int PointsCredited = 3001;

    /// <summary>Points were debited from a member (a redemption, a negative adjustment or a clawback) (Information).</summary>
    public const int PointsDebited = 3002;

    /// <summary>A command repeated an idempotency key; the first result was returned and nothing was written (Information).</summary>
    public const int CommandReplayed = 3003;

    /// <summary>A command met a concurrent change of the member's balance and re-decides (Debug).</summary>
    public const int ConcurrencyRetry = 3004;

    /// <summary>A debit was refused: not enough available points, or the debt policy refused a clawback (Warning).</summary>
    public const int DebitRefused = 3005;

    /// <summary>Lots expired or were activated by a maintenance command (Information).</summary>
    public const int LotsProcessed = 3006;
}
