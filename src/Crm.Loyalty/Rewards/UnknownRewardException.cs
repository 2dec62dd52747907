namespace Crm.Loyalty.Rewards;

/// <summary>Thrown when a redemption names a reward the program's catalog does not hold; nothing was written.</summary>
public sealed class UnknownRewardException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.loyalty.unknown_reward";

    /// <summary>Creates the exception.</summary>
    public UnknownRewardException(string rewardId)
        : base(ErrorCode, $"The reward '{rewardId}' is not in the program's catalog; nothing was written.")
    {
        RewardId = rewardId;
    }

    /// <summary>The reward asked for.</summary>
    public string RewardId { get; }
}
