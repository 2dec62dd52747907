using NodaTime;

namespace Crm.Events;

/// <summary>The base of every domain event a CrmCore package writes, in the same atomic change set as the fact it describes.</summary>
/// <remarks>
/// <para>Events carry ids and facts, never personal data: a listener that needs a name reads it from the store.</para>
/// <para>A manager creates an event with its facts, then gives it identity with
/// <see cref="CrmEventIdentity.Identify{TEvent}(ICrmEventIdGenerator, TEvent)"/>: a new <see cref="EventId"/> and the
/// <see cref="CorrelationId"/> and <see cref="CausationId"/> of the ambient <see cref="CrmEventContext"/>. Every concrete
/// event type carries a <see cref="CrmEventTypeAttribute"/> naming it and the version of its JSON schema.</para>
/// </remarks>
public abstract record CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    protected CrmEvent(TenantId tenantId, Instant occurredAt)
    {
        TenantId.ThrowIfEmpty(tenantId);
        TenantId = tenantId;
        OccurredAt = occurredAt;
    }

    /// <summary>The id consumers deduplicate on; default until the event is identified, and never default in a store.</summary>
    public CrmEventId EventId { get; init; }

    /// <summary>Ties together every event of one business operation across packages (for example a checkout and the points it earned); <see langword="null"/> when none was set.</summary>
    /// <remarks>1–128 printable ASCII characters; never personal data.</remarks>
    public string? CorrelationId { get; init; }

    /// <summary>The event whose handling caused this one, or <see langword="null"/> when a command from outside caused it.</summary>
    public CrmEventId? CausationId { get; init; }

    /// <summary>The tenant the event belongs to.</summary>
    public TenantId TenantId { get; }

    /// <summary>When the fact was recorded, from the injected <see cref="IClock"/>.</summary>
    public Instant OccurredAt { get; }
}
