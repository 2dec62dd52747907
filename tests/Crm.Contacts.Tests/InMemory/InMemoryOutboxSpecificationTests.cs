using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the outbox (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryOutboxSpecificationTests : ContactOutboxSpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
