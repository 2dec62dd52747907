using Crm;
using Crm.Events;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CrmCore to a service collection.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>Adds the services every CrmCore package shares and returns a builder that packages extend.</summary>
    /// <remarks>
    /// <para>Registers, each with <c>TryAdd</c> so a host's own registrations win whether they come before or after this
    /// call: <see cref="IClock"/> (a <see cref="TimeProviderClock"/> over the container's <see cref="TimeProvider"/>, the
    /// system one by default), <see cref="ICrmEventIdGenerator"/> (<see cref="TimeOrderedEventIdGenerator"/>), the
    /// <see cref="CrmEventSerializer"/> over the event types packages register, the <see cref="OutboxDispatcher"/> and its
    /// hosted background service, and <see cref="OutboxOptions"/> (validated at start-up; configure them with
    /// <paramref name="configureOutbox"/>).</para>
    /// <para>Calling it more than once is harmless; each call applies its <paramref name="configureOutbox"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static CrmBuilder AddCrm(this IServiceCollection services, Action<OutboxOptions>? configureOutbox = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock>(static sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICrmEventIdGenerator>(static sp => new TimeOrderedEventIdGenerator(sp.GetRequiredService<IClock>()));
        services.TryAddSingleton<CrmEventSerializer>();
        var options = services.AddOptions<OutboxOptions>();
        if (configureOutbox is not null)
        {
            options.Configure(configureOutbox);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatcherService>());
        return new CrmBuilder(services);
    }
}
