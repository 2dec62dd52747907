namespace Crm.Events;

/// <summary>Gives new events their identity before a manager puts them into a change set.</summary>
public static class CrmEventIdentity
{
    /// <summary>Returns <paramref name="domainEvent"/> with a new <see cref="CrmEvent.EventId"/> and the correlation and causation of the current <see cref="CrmEventContext"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The event already has an id.</exception>
    public static TEvent Identify<TEvent>(this ICrmEventIdGenerator generator, TEvent domainEvent)
        where TEvent : CrmEvent
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!domainEvent.EventId.IsEmpty)
        {
            throw new ArgumentException($"The event already has the id '{domainEvent.EventId}'.", nameof(domainEvent));
        }

        var context = CrmEventContext.Current;
        return domainEvent with
        {
            EventId = generator.NewId(),
            CorrelationId = domainEvent.CorrelationId ?? context?.CorrelationId,
            CausationId = domainEvent.CausationId ?? context?.CausationId,
        };
    }
}
