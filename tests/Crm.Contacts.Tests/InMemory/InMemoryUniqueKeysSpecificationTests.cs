using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the unique-key capability (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryUniqueKeysSpecificationTests : UniqueKeysSpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
