namespace Crm.Interactions;

/// <summary>What kind of touchpoint an <see cref="Interaction"/> is.</summary>
public enum InteractionKind
{
    /// <summary>A purchase (written by <c>PurchaseManager</c>, linked to the purchase).</summary>
    Purchase = 1,

    /// <summary>A full or partial refund of a purchase (written by <c>PurchaseManager</c>).</summary>
    Refund = 2,

    /// <summary>A phone or video call.</summary>
    Call = 3,

    /// <summary>An e-mail.</summary>
    Email = 4,

    /// <summary>A meeting in person or online.</summary>
    Meeting = 5,

    /// <summary>A short message; the channel says which (<see cref="InteractionChannel.Sms"/>, <see cref="InteractionChannel.Chat"/>, <see cref="InteractionChannel.Social"/>).</summary>
    Message = 6,

    /// <summary>An internal note about the contact.</summary>
    Note = 7,

    /// <summary>An event of a support case: opened, responded to, status changed (written by <c>SupportCaseManager</c>).</summary>
    CaseEvent = 8,

    /// <summary>A feedback response (NPS, CSAT, CES; written by <c>FeedbackManager</c>).</summary>
    Feedback = 9,

    /// <summary>The outcome of a follow-up task.</summary>
    FollowUpOutcome = 10,

    /// <summary>A contract started, ended or was cancelled (written by <c>PurchaseManager</c>).</summary>
    ContractEvent = 11,
}
