namespace Crm.Contacts;

/// <summary>Thrown when an operation names a contact that does not exist in the tenant.</summary>
public sealed class ContactNotFoundException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.contact_not_found";

    /// <summary>Creates the exception.</summary>
    public ContactNotFoundException(ContactId contactId)
        : base(ErrorCode, $"Contact '{contactId}' does not exist in this tenant.")
    {
        ContactId = contactId;
    }

    /// <summary>The id that was not found.</summary>
    public ContactId ContactId { get; }
}
