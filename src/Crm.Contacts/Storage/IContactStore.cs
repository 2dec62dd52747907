using Crm.Storage;
namespace Crm.Contacts.Storage;

/// <summary>
/// The required store of the contacts package: reads contacts and applies change sets atomically. It holds no rules;
/// <c>ContactManager</c> validates, decides and re-checks what the store returns.
/// </summary>
/// <remarks>
/// Every method is scoped to one tenant: a store never returns or changes another tenant's data, even for an id that
/// exists there. Optional capabilities are separate interfaces (for example <see cref="IReferralStore"/>); the DI
/// builder checks at start-up that the registered store implements the ones the configured features need.
/// </remarks>
public interface IContactStore
{
    /// <summary>Finds a contact by id in the tenant, or returns <see langword="null"/>.</summary>
    ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>Returns one page of the tenant's contacts in ascending id order (keyset paging on the id).</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The contact created by the command with idempotency key <paramref name="key"/>, or <see langword="null"/> when the key is unknown in the tenant.</summary>
    /// <remarks>Keys are recorded by <see cref="SaveAsync"/> from <see cref="ContactChangeSet.IdempotencyKeys"/> and compared ordinally.</remarks>
    ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken);

    /// <summary>Applies every change of <paramref name="changes"/> atomically, or none of them.</summary>
    /// <remarks>The checks, all made under the same lock or transaction as the write, are listed on <see cref="ContactChangeSet"/>.</remarks>
    /// <exception cref="ConcurrencyConflictException">Nothing was written because a concurrent writer got there first: an
    /// updated record's stamp or a read guard (<see cref="ContactChangeSet.ContactsRead"/>) no longer matches, a version
    /// counter moved, a created id or idempotency key already exists, a referee would get a second referrer or a referral
    /// would close a cycle (entity <c>referral</c> — what a unique constraint on the referee maps to), or, for a store with
    /// <see cref="IContactUniqueKeys"/>, another active contact holds a duplicate key claim (entity <c>duplicate key</c>).
    /// Retryable: re-read and re-decide.</exception>
    /// <exception cref="ArgumentException">The change set is malformed (a record named twice, an edge to remove that does
    /// not exist, edges changed without advancing <see cref="ContactChangeSet.ReferralGraphCounter"/>, a record of another
    /// tenant); nothing was written.</exception>
    ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken);
}
