using System.Collections.Frozen;
using System.Text.Json;

namespace Crm.Events;

/// <summary>Turns events into <see cref="SerializedCrmEvent"/> rows and back, for stores that keep the outbox in a database.</summary>
/// <remarks>
/// Knows the event types registered with <c>builder.AddEventType(…)</c> (each package registers its own). Reading checks
/// the type name, the schema version and that the payload names a tenant and an id, so a corrupt row fails loudly with
/// <see cref="CrmEventFormatException"/> instead of reaching a listener half-read. Thread-safe.
/// </remarks>
public sealed class CrmEventSerializer
{
    private readonly FrozenDictionary<Type, CrmEventRegistration> _byType;
    private readonly FrozenDictionary<string, CrmEventRegistration> _byName;

    /// <summary>Creates the serializer over the registered event types.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="registrations"/> is null.</exception>
    /// <exception cref="ArgumentException">Two registrations share a .NET type or a type name.</exception>
    public CrmEventSerializer(IEnumerable<CrmEventRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var byType = new Dictionary<Type, CrmEventRegistration>();
        var byName = new Dictionary<string, CrmEventRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            ArgumentNullException.ThrowIfNull(registration, nameof(registrations));
            if (byType.TryGetValue(registration.EventType, out var same) && same.Name == registration.Name)
            {
                continue; // the same package registered twice
            }

            if (!byType.TryAdd(registration.EventType, registration) || !byName.TryAdd(registration.Name, registration))
            {
                throw new ArgumentException($"Event type {registration.EventType.Name} ('{registration.Name}') is registered twice or its name is taken.", nameof(registrations));
            }
        }

        _byType = byType.ToFrozenDictionary();
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The registered event types.</summary>
    public IReadOnlyCollection<CrmEventRegistration> Registrations => _byType.Values;

    /// <summary>Serializes an identified event.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="domainEvent"/> is null.</exception>
    /// <exception cref="ArgumentException">The event has no id, or its type is not registered.</exception>
    public SerializedCrmEvent Serialize(CrmEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.EventId.IsEmpty)
        {
            throw new ArgumentException($"The {domainEvent.GetType().Name} event has no EventId; identify it with ICrmEventIdGenerator.Identify before storing it.", nameof(domainEvent));
        }

        var registration = _byType.GetValueOrDefault(domainEvent.GetType())
            ?? throw new ArgumentException($"Event type {domainEvent.GetType().Name} is not registered; register it with builder.AddEventType(...).", nameof(domainEvent));
        return new SerializedCrmEvent(registration.Name, registration.Version, registration.Serialize(domainEvent));
    }

    /// <summary>Reads a stored event back.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="serialized"/> is null.</exception>
    /// <exception cref="CrmEventFormatException">The type name is unknown, the version is not the registered one, or the payload is malformed or lacks an id or tenant.</exception>
    public CrmEvent Deserialize(SerializedCrmEvent serialized)
    {
        ArgumentNullException.ThrowIfNull(serialized);
        if (!_byName.TryGetValue(serialized.TypeName ?? string.Empty, out var registration))
        {
            throw new CrmEventFormatException(serialized.TypeName ?? "(null)", serialized.Version, "the type name is not registered.");
        }

        if (serialized.Version != registration.Version)
        {
            throw new CrmEventFormatException(serialized.TypeName!, serialized.Version, $"this version of the library reads version {registration.Version}.");
        }

        CrmEvent? result;
        try
        {
            result = registration.Deserialize(serialized.Payload);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or NotSupportedException)
        {
            throw new CrmEventFormatException(serialized.TypeName!, serialized.Version, "the payload is malformed.", ex);
        }

        if (result is null || result.EventId.IsEmpty || result.TenantId.IsEmpty)
        {
            throw new CrmEventFormatException(serialized.TypeName!, serialized.Version, "the payload has no event id or tenant.");
        }

        return result;
    }
}
