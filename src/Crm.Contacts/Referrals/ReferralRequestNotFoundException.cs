namespace Crm.Contacts.Referrals;

/// <summary>Thrown when an operation names a referral request that does not exist in the tenant.</summary>
public sealed class ReferralRequestNotFoundException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.referral_request_not_found";

    /// <summary>Creates the exception.</summary>
    public ReferralRequestNotFoundException(ReferralRequestId requestId)
        : base(ErrorCode, $"Referral request '{requestId}' does not exist in this tenant.")
    {
        RequestId = requestId;
    }

    /// <summary>The id that was not found.</summary>
    public ReferralRequestId RequestId { get; }
}
