namespace Crm.Contacts.Import;

/// <summary>What an import did with one row.</summary>
public enum ImportRowOutcome
{
    /// <summary>A contact was created (<see cref="ImportRow.ContactId"/>); duplicate fields are set when it was created despite matching.</summary>
    Created = 0,

    /// <summary>Skipped: it duplicates existing contacts (<see cref="ImportRow.DuplicateOfContactIds"/>).</summary>
    DuplicateOfExisting = 1,

    /// <summary>Skipped: it duplicates an earlier row of the same import (<see cref="ImportRow.DuplicateOfRow"/>).</summary>
    DuplicateWithinImport = 2,

    /// <summary>Skipped: its idempotency key was already used, by an earlier import or row (<see cref="ImportRow.ContactId"/> is that contact).</summary>
    AlreadyImported = 3,

    /// <summary>Skipped: a value breaks a rule (<see cref="ImportRow.Field"/>, <see cref="ImportRow.Error"/>).</summary>
    Invalid = 4,
}
