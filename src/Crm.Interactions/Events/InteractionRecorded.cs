using Crm.Events;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when an interaction was added to a contact's timeline (every recording command writes one).</summary>
[CrmEventType("crm.interactions.interaction_recorded", 1)]
public sealed record InteractionRecorded : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    public InteractionRecorded(TenantId tenantId, Instant occurredAt, InteractionId interactionId, ContactId contactId, InteractionKind kind, InteractionChannel channel, InteractionDirection direction, Instant interactionAt)
        : base(tenantId, occurredAt)
    {
        InteractionId.ThrowIfEmpty(interactionId);
        ContactId.ThrowIfEmpty(contactId);
        InteractionId = interactionId;
        ContactId = contactId;
        Kind = kind;
        Channel = channel;
        Direction = direction;
        InteractionAt = interactionAt;
    }

    /// <summary>The timeline entry.</summary>
    public InteractionId InteractionId { get; }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The kind of touchpoint.</summary>
    public InteractionKind Kind { get; }

    /// <summary>The channel.</summary>
    public InteractionChannel Channel { get; }

    /// <summary>Who started it.</summary>
    public InteractionDirection Direction { get; }

    /// <summary>When the interaction happened (<see cref="CrmEvent.OccurredAt"/> is when it was recorded).</summary>
    public Instant InteractionAt { get; }
}
