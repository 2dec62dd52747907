namespace Crm.Contacts.Referrals;

/// <summary>Thrown when a referral would close a cycle: the named referrer is already in the referee's downline.</summary>
public sealed class ReferralCycleException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.referral_cycle";

    /// <summary>Creates the exception.</summary>
    public ReferralCycleException(ContactId refereeId, ContactId referrerId)
        : base(ErrorCode, $"Contact '{refereeId}' cannot be referred by '{referrerId}': '{referrerId}' is in the downline of '{refereeId}', so the referral would close a cycle.")
    {
        RefereeId = refereeId;
        ReferrerId = referrerId;
    }

    /// <summary>The contact that was to be referred.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The referrer that is already in the referee's downline.</summary>
    public ContactId ReferrerId { get; }
}
