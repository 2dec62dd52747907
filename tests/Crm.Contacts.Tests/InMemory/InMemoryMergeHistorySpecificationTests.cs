using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the merge history (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryMergeHistorySpecificationTests : MergeHistorySpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
