namespace Crm.Events;

/// <summary>Listens to one kind of domain event; register implementations in the container to receive them.</summary>
/// <typeparam name="TEvent">The event type handled.</typeparam>
public interface ICrmEventListener<in TEvent>
    where TEvent : CrmEvent
{
    /// <summary>Handles the event. The fact is already stored; an exception here does not undo it.</summary>
    ValueTask HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
