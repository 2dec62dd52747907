namespace Crm.Contacts.Consent;

/// <summary>Thrown when a consent confirmation arrives for a consent that is not awaiting confirmation.</summary>
/// <remarks>Nothing was recorded. The consent was never granted, was withdrawn since, or was already confirmed.</remarks>
public sealed class ConsentNotPendingException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.consent_not_pending";

    /// <summary>Creates the exception.</summary>
    public ConsentNotPendingException(ContactId contactId, ConsentPurpose purpose, ConsentAddressKind addressKind, ConsentStatus status)
        : base(ErrorCode, $"The {addressKind} consent of contact '{contactId}' for purpose '{purpose}' is {status}, not awaiting confirmation; nothing was recorded.")
    {
        ContactId = contactId;
        Purpose = purpose;
        Status = status;
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The purpose.</summary>
    public ConsentPurpose Purpose { get; }

    /// <summary>The consent's status when the confirmation arrived.</summary>
    public ConsentStatus Status { get; }
}
