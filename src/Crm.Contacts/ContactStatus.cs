namespace Crm.Contacts;

/// <summary>Whether a contact record is live, was merged into another one, or was erased on request.</summary>
public enum ContactStatus
{
    /// <summary>A live contact; the only status that accepts changes.</summary>
    Active = 0,

    /// <summary>Merged into another contact (<see cref="Contact.MergedIntoId"/>); kept so old ids still resolve.</summary>
    Merged = 1,

    /// <summary>Personal data erased on request (GDPR Art. 17); only the id and non-personal facts remain.</summary>
    Erased = 2,
}
