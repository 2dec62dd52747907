namespace Crm.Interactions.FollowUps;

/// <summary>Where a follow-up task stands.</summary>
public enum FollowUpStatus
{
    /// <summary>Still to do; it shows in the assignee's overdue and upcoming lists.</summary>
    Open = 1,

    /// <summary>Done, with an <see cref="FollowUpOutcome"/> recorded on the contact's timeline.</summary>
    Done = 2,

    /// <summary>Cancelled without an outcome.</summary>
    Cancelled = 3,
}
