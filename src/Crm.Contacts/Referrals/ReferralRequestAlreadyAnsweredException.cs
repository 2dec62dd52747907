namespace Crm.Contacts.Referrals;

/// <summary>Thrown when an answer is recorded for a referral request that already has one.</summary>
public sealed class ReferralRequestAlreadyAnsweredException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.referral_request_already_answered";

    /// <summary>Creates the exception.</summary>
    public ReferralRequestAlreadyAnsweredException(ReferralRequestId requestId, ReferralRequestOutcome outcome)
        : base(ErrorCode, $"Referral request '{requestId}' was already answered ({outcome}); an answer is recorded once.")
    {
        RequestId = requestId;
        Outcome = outcome;
    }

    /// <summary>The request.</summary>
    public ReferralRequestId RequestId { get; }

    /// <summary>The answer on record.</summary>
    public ReferralRequestOutcome Outcome { get; }
}
