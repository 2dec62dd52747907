namespace Crm.Contacts.Storage;

/// <summary>
/// An optional store capability: <see cref="IContactStore.SaveAsync"/> enforces <see cref="ContactChangeSet.DuplicateKeyClaims"/>,
/// so creating a contact with duplicate checking (<see cref="Duplicates.DuplicateCreateAction.Reject"/>) is race-free.
/// </summary>
/// <remarks>
/// <para>Inside the same lock or transaction as the write, the store refuses a change set when another active contact
/// holds every key of one of its claims: <see cref="ConcurrencyConflictException"/> (entity <c>duplicate key</c>, id the
/// created contact), nothing written. <c>ContactManager.CreateAsync</c> then checks again and throws
/// <see cref="Duplicates.DuplicateContactException"/> naming the contact that won. The in-memory store derives what each
/// active contact holds from its duplicate index, so keys added by later updates count too; a relational store keeps
/// the claimed combinations in a table with a unique index on (tenant, combination hash), keeps each across updates
/// while the contact still holds every key of it, and frees it when the contact gives a key up or is merged or erased.</para>
/// <para>A store without it ignores the claims: the duplicate check before a create is then advisory, and two parallel
/// creates of the same person can both succeed (find them later with <c>DuplicateDetector.FindDuplicatesAsync</c> and
/// merge them).</para>
/// </remarks>
public interface IContactUniqueKeys
{
    /// <summary>Whether <see cref="IContactStore.SaveAsync"/> currently enforces duplicate key claims (a store may turn it off, e.g. during a bulk migration).</summary>
    bool EnforcesDuplicateKeyClaims { get; }
}
