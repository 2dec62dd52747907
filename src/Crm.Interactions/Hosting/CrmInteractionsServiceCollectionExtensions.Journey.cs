using Crm.Interactions.Coverage;
using Crm.Interactions.Journey;
using Crm.Interactions.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CrmInteractionsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="JourneyManager"/> and <see cref="RelationshipCoverageManager"/> (scoped) over the registered <see cref="IInteractionStore"/>'s <see cref="IJourneyStore"/> and <see cref="IRelationshipCoverageStore"/> capabilities (a host may register its own with <c>TryAdd</c> semantics).</summary>
    private static void AddJourneyAndCoverage(IServiceCollection services)
    {
        services.TryAddScoped<IJourneyStore>(static sp => sp.GetRequiredService<IInteractionStore>() as IJourneyStore
            ?? throw new InvalidOperationException($"The registered {nameof(IInteractionStore)} does not implement {nameof(IJourneyStore)}; register one to use {nameof(JourneyManager)}."));
        services.TryAddScoped<IRelationshipCoverageStore>(static sp => sp.GetRequiredService<IInteractionStore>() as IRelationshipCoverageStore
            ?? throw new InvalidOperationException($"The registered {nameof(IInteractionStore)} does not implement {nameof(IRelationshipCoverageStore)}; register one to use {nameof(RelationshipCoverageManager)}."));
        services.TryAddScoped<JourneyManager>();
        services.TryAddScoped<RelationshipCoverageManager>();
    }
}
