namespace Crm.Interactions.FollowUps;

/// <summary>What a <see cref="FollowUpChainRule"/> does with the next follow-up it computes.</summary>
public enum FollowUpChainMode
{
    /// <summary>Only suggest it: <see cref="FollowUpManager.SuggestNextAsync"/> and the completion's result carry it; nothing is written.</summary>
    Suggest = 1,

    /// <summary>Create it in the same change set as the completion.</summary>
    Create = 2,
}
