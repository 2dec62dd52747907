namespace Crm.Events;

/// <summary>Receives one kind of domain event from the outbox; register implementations with <c>builder.AddEventListener&lt;TEvent, TListener&gt;()</c>.</summary>
/// <remarks>
/// The <c>OutboxDispatcher</c> calls it in a new DI scope after the fact was committed, at least once: a listener must be
/// idempotent on <see cref="CrmEvent.EventId"/> or on a domain key. A listener of a base type (<see cref="CrmEvent"/>
/// itself, to forward everything to a message bus) receives every event of the derived types. An exception makes the
/// dispatcher retry the event later and finally set it aside as a dead letter; it never undoes the stored fact.
/// </remarks>
/// <typeparam name="TEvent">The event type handled.</typeparam>
public interface ICrmEventListener<in TEvent>
    where TEvent : CrmEvent
{
    /// <summary>Handles the event. The fact is already stored; an exception here does not undo it.</summary>
    ValueTask HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
