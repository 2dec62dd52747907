namespace Crm.Interactions.FollowUps;

/// <summary>What came of a follow-up: recorded on the contact's timeline, and what chaining rules (<see cref="FollowUpChainRule"/>) key on.</summary>
public enum FollowUpOutcome
{
    /// <summary>The contact was reached and the matter discussed.</summary>
    Reached = 1,

    /// <summary>Nobody answered.</summary>
    NoAnswer = 2,

    /// <summary>A voicemail or message was left.</summary>
    LeftMessage = 3,

    /// <summary>The contact bought.</summary>
    Purchased = 4,

    /// <summary>The contact declined the offer.</summary>
    Declined = 5,

    /// <summary>The contact was asked for a referral.</summary>
    ReferralAsked = 6,

    /// <summary>The contact asked to be called back later.</summary>
    CallbackRequested = 7,

    /// <summary>The contact asked not to be contacted about it again.</summary>
    DoNotContact = 8,
}
