namespace Crm.Interactions.Purchases;

/// <summary>Where a contract or subscription stands.</summary>
public enum ContractStatus
{
    /// <summary>Running.</summary>
    Active = 1,

    /// <summary>Ran to its end.</summary>
    Ended = 2,

    /// <summary>Stopped early, with a reason.</summary>
    Cancelled = 3,
}
