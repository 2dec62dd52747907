namespace Crm.Contacts.Referrals;

/// <summary>How a contact answered a request to refer someone.</summary>
public enum ReferralRequestOutcome
{
    /// <summary>Asked; no answer recorded yet.</summary>
    Pending = 0,

    /// <summary>The contact agreed to refer someone.</summary>
    Accepted = 1,

    /// <summary>The contact declined.</summary>
    Declined = 2,

    /// <summary>The contact never answered (closed without an answer).</summary>
    NoAnswer = 3,
}
