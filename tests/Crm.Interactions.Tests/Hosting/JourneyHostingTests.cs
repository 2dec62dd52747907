using Crm.Interactions.Coverage;
using Crm.Interactions.InMemory;
using Crm.Interactions.Journey;
using Crm.Interactions.Storage;
using Crm.Interactions.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Interactions.Tests.Hosting;

public sealed class JourneyHostingTests
{
    [Fact]
    public async Task AddInteractions_ResolvesTheJourneyAndCoverageManagersOverTheInMemoryStore()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCrm().AddInteractions();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<IJourneyStore>().Should().BeSameAs(provider.GetRequiredService<InMemoryInteractionStore>());
        scope.ServiceProvider.GetRequiredService<JourneyManager>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<RelationshipCoverageManager>().Should().NotBeNull();
    }

    [Fact]
    public async Task AddInteractions_WithAStoreWithoutTheJourneyCapability_FailsNamingIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IInteractionStore>(new GuardedOnlyStore(new InMemoryInteractionStore()));
        services.AddCrm().AddInteractions();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var resolve = () => scope.ServiceProvider.GetRequiredService<JourneyManager>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*IJourneyStore*");
    }
}
