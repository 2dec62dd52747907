using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the idempotency-key purge capability (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryIdempotencyKeyPurgeSpecificationTests : IdempotencyKeyPurgeSpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
