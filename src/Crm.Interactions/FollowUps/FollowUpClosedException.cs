namespace Crm.Interactions.FollowUps;

/// <summary>Thrown when a follow-up that is already done or cancelled is completed or cancelled again (without the first command's idempotency key); nothing was written.</summary>
public sealed class FollowUpClosedException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.interactions.follow_up_closed";

    /// <summary>Creates the exception.</summary>
    public FollowUpClosedException(FollowUpId followUpId, FollowUpStatus status)
        : base(ErrorCode, $"Follow-up '{followUpId}' is {status}: only an open follow-up can be completed or cancelled.")
    {
        FollowUpId = followUpId;
        Status = status;
    }

    /// <summary>The follow-up.</summary>
    public FollowUpId FollowUpId { get; }

    /// <summary>Its status.</summary>
    public FollowUpStatus Status { get; }
}
