namespace Crm.Contacts.Referrals;

/// <summary>Thrown when a contact is named as its own referrer.</summary>
public sealed class SelfReferralException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.self_referral";

    /// <summary>Creates the exception.</summary>
    public SelfReferralException(ContactId contactId)
        : base(ErrorCode, $"A contact cannot refer itself: contact '{contactId}' was named as its own referrer.")
    {
        ContactId = contactId;
    }

    /// <summary>The contact named as both referee and referrer.</summary>
    public ContactId ContactId { get; }
}
