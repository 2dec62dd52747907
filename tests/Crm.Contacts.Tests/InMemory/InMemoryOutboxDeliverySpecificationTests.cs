using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of outbox delivery end to end (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryOutboxDeliverySpecificationTests : OutboxDeliverySpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
