namespace Crm.Events;

/// <summary>Publishes domain events to the host; called by managers after the store has committed the fact.</summary>
/// <remarks>
/// The default implementation dispatches to every <see cref="ICrmEventListener{TEvent}"/> registered in the container.
/// A host can replace it to forward events to a message bus or an outbox.
/// </remarks>
public interface ICrmEventPublisher
{
    /// <summary>Publishes one event.</summary>
    ValueTask PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : CrmEvent;
}
