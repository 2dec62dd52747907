using Crm.Interactions.InMemory;
using Crm.Testing.Interactions;

namespace Crm.Interactions.Tests.InMemory;

/// <summary>The case-automation specification (Crm.Testing) run against <see cref="InMemoryInteractionStore"/>.</summary>
public sealed class InMemoryCaseAutomationSpecificationTests : CaseAutomationSpecification<InMemoryInteractionStore>
{
    protected override InMemoryInteractionStore CreateStore() => new();
}
