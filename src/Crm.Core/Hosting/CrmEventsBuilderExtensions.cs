using System.Text.Json.Serialization.Metadata;
using Crm.Events;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers event types, outboxes and listeners on a <see cref="CrmBuilder"/>.</summary>
public static class CrmEventsBuilderExtensions
{
    /// <summary>Makes <typeparamref name="TEvent"/> known to the <see cref="CrmEventSerializer"/> with its source-generated JSON contract.</summary>
    /// <remarks>Packages call it for each of their events; registering the same type twice is harmless.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The type has no <see cref="CrmEventTypeAttribute"/>.</exception>
    public static CrmBuilder AddEventType<TEvent>(this CrmBuilder builder, JsonTypeInfo<TEvent> typeInfo)
        where TEvent : CrmEvent
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registration = CrmEventRegistration.Create(typeInfo);
        if (!builder.Services.Any(d => d.ServiceType == typeof(CrmEventRegistration) && d.ImplementationInstance is CrmEventRegistration r && r.EventType == typeof(TEvent)))
        {
            builder.Services.AddSingleton(registration);
        }

        return builder;
    }

    /// <summary>Adds an outbox for the <see cref="OutboxDispatcher"/> to deliver from, resolved in a fresh scope on every dispatch.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="resolve">Returns the outbox from a scope's services, or <see langword="null"/> when the registered store has none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CrmBuilder AddOutboxStore(this CrmBuilder builder, Func<IServiceProvider, IOutboxStore?> resolve)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new OutboxStoreRegistration(resolve));
        return builder;
    }

    /// <summary>Registers <typeparamref name="TListener"/> (scoped) to receive <typeparamref name="TEvent"/> from the outbox.</summary>
    /// <remarks>Listeners run in a new scope per event, at least once: make them idempotent on <see cref="CrmEvent.EventId"/> or a domain key. Registering the same pair twice registers it once.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddEventListener<TEvent, TListener>(this CrmBuilder builder)
        where TEvent : CrmEvent
        where TListener : class, ICrmEventListener<TEvent>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<ICrmEventListener<TEvent>, TListener>());
        return builder;
    }
}
