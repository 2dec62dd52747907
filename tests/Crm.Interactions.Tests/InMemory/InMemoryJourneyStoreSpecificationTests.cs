using Crm.Interactions.InMemory;
using Crm.Testing.Interactions;

namespace Crm.Interactions.Tests.InMemory;

/// <summary>The journey and coverage specification (Crm.Testing) run against <see cref="InMemoryInteractionStore"/>.</summary>
public sealed class InMemoryJourneyStoreSpecificationTests : JourneyStoreSpecification<InMemoryInteractionStore>
{
    protected override InMemoryInteractionStore CreateStore() => new();
}
