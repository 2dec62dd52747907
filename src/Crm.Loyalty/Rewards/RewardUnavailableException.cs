namespace Crm.Loyalty.Rewards;

/// <summary>Thrown when a reward is out of stock, or the member reached its per-member limit; nothing was written.</summary>
public sealed class RewardUnavailableException : CrmException
{
    /// <summary>The stable error code when the stock is exhausted.</summary>
    public const string OutOfStockCode = "crm.loyalty.reward_out_of_stock";

    /// <summary>The stable error code when the member reached the per-member limit.</summary>
    public const string LimitReachedCode = "crm.loyalty.reward_limit_reached";

    /// <summary>Creates the exception.</summary>
    /// <param name="rewardId">The reward.</param>
    /// <param name="outOfStock">Whether the stock is exhausted (otherwise the member's limit was reached).</param>
    /// <param name="limit">The stock or the per-member limit that was reached.</param>
    public RewardUnavailableException(string rewardId, bool outOfStock, long limit)
        : base(outOfStock ? OutOfStockCode : LimitReachedCode, outOfStock
            ? $"The reward '{rewardId}' is out of stock (all {limit} units redeemed); nothing was written."
            : $"The member already redeemed the reward '{rewardId}' {limit} time(s), its per-member limit; nothing was written.")
    {
        RewardId = rewardId;
        IsOutOfStock = outOfStock;
        Limit = limit;
    }

    /// <summary>The reward.</summary>
    public string RewardId { get; }

    /// <summary>Whether the stock is exhausted (otherwise the member's limit was reached).</summary>
    public bool IsOutOfStock { get; }

    /// <summary>The stock or per-member limit that was reached.</summary>
    public long Limit { get; }
}
