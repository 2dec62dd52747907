using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the bulk-insert capability (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryBulkInsertSpecificationTests : BulkInsertSpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
