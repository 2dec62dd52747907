using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Loyalty.Tests.TestSupport;

/// <summary>A container as a host builds it (logging, scope and build validation), and its start-up validation.</summary>
internal static class TestHost
{
    public static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();
}
