using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the duplicate index (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryDuplicateIndexSpecificationTests : DuplicateIndexSpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
