using NodaTime;

namespace Crm.Events;

/// <summary>The base of every domain event a CrmCore package publishes after the fact it describes is stored.</summary>
/// <remarks>Events carry ids and facts, never personal data: a listener that needs a name reads it from the store.</remarks>
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

    /// <summary>The tenant the event belongs to.</summary>
    public TenantId TenantId { get; }

    /// <summary>When the fact was recorded, from the injected <see cref="IClock"/>.</summary>
    public Instant OccurredAt { get; }
}
