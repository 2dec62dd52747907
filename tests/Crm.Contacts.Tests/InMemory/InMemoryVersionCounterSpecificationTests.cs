using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the version-counter read capability (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryVersionCounterSpecificationTests : VersionCounterStoreSpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
