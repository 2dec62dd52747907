using Crm.Interactions.InMemory;
using Crm.Testing.Interactions;

namespace Crm.Interactions.Tests.InMemory;

/// <summary>The follow-up specification (Crm.Testing) run against <see cref="InMemoryInteractionStore"/>.</summary>
public sealed class InMemoryFollowUpSpecificationTests : FollowUpSpecification<InMemoryInteractionStore>
{
    protected override InMemoryInteractionStore CreateStore() => new();
}
