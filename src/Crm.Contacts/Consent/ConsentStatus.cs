namespace Crm.Contacts.Consent;

/// <summary>The current state of a consent, derived from a contact's consent history.</summary>
public enum ConsentStatus
{
    /// <summary>Nothing was ever recorded for this purpose and address.</summary>
    NotGiven = 0,

    /// <summary>Granted under double opt-in and not yet confirmed: processing is not yet allowed.</summary>
    AwaitingConfirmation = 1,

    /// <summary>Granted (and confirmed where confirmation was required): processing is allowed.</summary>
    Granted = 2,

    /// <summary>Withdrawn: processing is not allowed.</summary>
    Withdrawn = 3,
}
