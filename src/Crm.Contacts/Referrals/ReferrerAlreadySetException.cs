namespace Crm.Contacts.Referrals;

/// <summary>Thrown when a contact that already has a referrer is given another one: a contact has at most one referrer.</summary>
public sealed class ReferrerAlreadySetException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.referrer_already_set";

    /// <summary>Creates the exception.</summary>
    public ReferrerAlreadySetException(ContactId refereeId, ContactId existingReferrerId, ContactId rejectedReferrerId)
        : base(ErrorCode, $"Contact '{refereeId}' was already referred by '{existingReferrerId}'; a contact has at most one referrer, so '{rejectedReferrerId}' was not recorded.")
    {
        RefereeId = refereeId;
        ExistingReferrerId = existingReferrerId;
        RejectedReferrerId = rejectedReferrerId;
    }

    /// <summary>The contact that already has a referrer.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The referrer on record.</summary>
    public ContactId ExistingReferrerId { get; }

    /// <summary>The referrer that was refused.</summary>
    public ContactId RejectedReferrerId { get; }
}
