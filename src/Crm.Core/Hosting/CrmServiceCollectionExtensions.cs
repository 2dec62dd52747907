using Crm;
using Crm.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CrmCore to a service collection.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>Adds the services every CrmCore package shares and returns a builder that packages extend.</summary>
    /// <remarks>
    /// Registers <see cref="IClock"/> (read from the container's <see cref="TimeProvider"/>, the system one by default) and the default <see cref="ICrmEventPublisher"/> with
    /// <c>TryAdd</c>, so a host's own registrations win whether they come before or after this call.
    /// Calling it more than once is harmless.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static CrmBuilder AddCrm(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICrmEventPublisher, ServiceProviderEventPublisher>();
        return new CrmBuilder(services);
    }
}
