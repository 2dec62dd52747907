using Microsoft.Extensions.DependencyInjection;

namespace Crm.Events;

/// <summary>The default publisher: dispatches each event to the <see cref="ICrmEventListener{TEvent}"/> services in registration order.</summary>
internal sealed class ServiceProviderEventPublisher : ICrmEventPublisher
{
    private readonly IServiceProvider _services;

    public ServiceProviderEventPublisher(IServiceProvider services) => _services = services;

    public async ValueTask PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : CrmEvent
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var listener in _services.GetServices<ICrmEventListener<TEvent>>())
        {
            await listener.HandleAsync(domainEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
