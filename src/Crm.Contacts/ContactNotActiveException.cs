namespace Crm.Contacts;

/// <summary>Thrown when a change is asked of a contact that was merged into another one or erased.</summary>
/// <remarks>Nothing was written. For a merged contact, apply the change to <see cref="MergedIntoId"/> instead.</remarks>
public sealed class ContactNotActiveException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.contact_not_active";

    /// <summary>Creates the exception.</summary>
    public ContactNotActiveException(ContactId contactId, ContactStatus status, ContactId? mergedIntoId = null)
        : base(ErrorCode, mergedIntoId is { } target
            ? $"Contact '{contactId}' was merged into '{target}' and cannot be changed; nothing was written."
            : $"Contact '{contactId}' is {status} and cannot be changed; nothing was written.")
    {
        ContactId = contactId;
        Status = status;
        MergedIntoId = mergedIntoId;
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The contact's status.</summary>
    public ContactStatus Status { get; }

    /// <summary>The contact it was merged into, when <see cref="Status"/> is <see cref="ContactStatus.Merged"/>.</summary>
    public ContactId? MergedIntoId { get; }
}
