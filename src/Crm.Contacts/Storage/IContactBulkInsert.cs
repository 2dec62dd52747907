namespace Crm.Contacts.Storage;

/// <summary>
/// An optional store capability: writes change sets that only create contacts through the store's fastest write path
/// (PostgreSQL's binary <c>COPY</c>, one prepared command re-executed on SQLite), for imports and initial loads.
/// </summary>
/// <remarks>
/// <para><c>ContactImporter</c> writes each batch through it when the store has it. The change set may hold
/// <see cref="ContactChangeSet.Created"/>, <see cref="ContactChangeSet.DuplicateKeyClaims"/>,
/// <see cref="ContactChangeSet.IdempotencyKeys"/> (of the created contacts) and <see cref="Crm.Storage.ChangeSet.Events"/>,
/// nothing else. Every guarantee of <see cref="IContactStore.SaveAsync"/> for those holds: the whole change set in one
/// transaction or nothing, the same rows as a save (child tables, duplicate keys, claims, idempotency keys), the events
/// in the outbox of the same transaction, and the same conflicts — an existing id (entity <c>contact</c>), a recorded
/// idempotency key (<c>idempotency key</c>) or a claim held by another active contact (<c>duplicate key</c>), each a
/// <see cref="ConcurrencyConflictException"/> naming the created contact that collided, with nothing written.</para>
/// <para>Reading the contacts afterwards gives exactly what creating them one by one through
/// <see cref="IContactStore.SaveAsync"/> gives; the specification suite checks it on every store.</para>
/// </remarks>
public interface IContactBulkInsert
{
    /// <summary>Applies a change set that only creates contacts, atomically, through the store's bulk path.</summary>
    /// <param name="tenantId">The tenant every record belongs to.</param>
    /// <param name="changes">New contacts with their duplicate key claims, idempotency keys and events.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is written then.</param>
    /// <exception cref="ConcurrencyConflictException">A created id or idempotency key already exists, or another active
    /// contact holds a duplicate key claim; nothing was written. Retryable: re-read and re-decide.</exception>
    /// <exception cref="ArgumentException">The change set holds anything but creates (updates, referrals, version checks,
    /// read guards, merges, referral requests), an idempotency key or claim of a contact it does not create, or a record
    /// of another tenant; nothing was written.</exception>
    ValueTask BulkInsertAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken);
}
