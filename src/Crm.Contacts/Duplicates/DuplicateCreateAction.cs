namespace Crm.Contacts.Duplicates;

/// <summary>What <see cref="ContactManager.CreateAsync"/> does when a new contact matches an existing one under the duplicate rules.</summary>
public enum DuplicateCreateAction
{
    /// <summary>Create it and flag it: log <see cref="ContactsEventIds.PossibleDuplicateCreated"/> and write <see cref="Events.PossibleDuplicateDetected"/> (with the matching ids) in the same change set, so a person can review and merge.</summary>
    Flag = 0,

    /// <summary>Refuse it with <see cref="DuplicateContactException"/>; nothing is written.</summary>
    Reject = 1,

    /// <summary>Do not check on create (imports and explicit checks still use the rules).</summary>
    Allow = 2,
}
