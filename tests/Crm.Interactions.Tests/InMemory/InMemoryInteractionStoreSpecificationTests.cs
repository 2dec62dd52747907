using Crm.Interactions.InMemory;
using Crm.Testing.Interactions;

namespace Crm.Interactions.Tests.InMemory;

/// <summary>The interaction store specification (Crm.Testing) run against <see cref="InMemoryInteractionStore"/>.</summary>
public sealed class InMemoryInteractionStoreSpecificationTests : InteractionStoreSpecification<InMemoryInteractionStore>
{
    protected override InMemoryInteractionStore CreateStore() => new();
}
