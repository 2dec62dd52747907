using Crm.Contacts.InMemory;
using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>A host store with only the required capabilities (<see cref="IContactStore"/> and its outbox), over an in-memory store.</summary>
internal sealed class ContactsOnlyStore : IContactStore, IForwardsOutbox
{
    private readonly InMemoryContactStore _inner = new();

    public Crm.InMemory.InMemoryOutbox Outbox => _inner.Outbox;

    public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _inner.FindByIdAsync(tenantId, contactId, cancellationToken);

    public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => _inner.ListAsync(tenantId, page, cancellationToken);

    public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => _inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

    public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => _inner.SaveAsync(tenantId, changes, cancellationToken);
}
