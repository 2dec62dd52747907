namespace Crm.Interactions;

public static partial class InteractionsEventIds
{
    /// <summary>A follow-up task was created, by hand, by a chaining rule or by a case-opened rule (Information).</summary>
    public const int FollowUpCreated = 4601;

    /// <summary>A follow-up task was completed with an outcome (Information).</summary>
    public const int FollowUpCompleted = 4602;

    /// <summary>A follow-up task was cancelled (Information).</summary>
    public const int FollowUpCancelled = 4603;

    /// <summary>The rules run when a case was opened created follow-ups or rendered an acknowledgement (Information).</summary>
    public const int CaseAutomationApplied = 4651;
}
