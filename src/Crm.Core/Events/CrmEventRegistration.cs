using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Crm.Events;

/// <summary>One event type known to the <see cref="CrmEventSerializer"/>: its .NET type, stable name, version and source-generated JSON contract.</summary>
/// <remarks>Packages register theirs with <c>builder.AddEventType(MyJsonContext.Default.MyEvent)</c>.</remarks>
public sealed class CrmEventRegistration
{
    private CrmEventRegistration(Type eventType, string name, int version, JsonTypeInfo typeInfo)
    {
        EventType = eventType;
        Name = name;
        Version = version;
        TypeInfo = typeInfo;
    }

    /// <summary>The .NET type.</summary>
    public Type EventType { get; }

    /// <summary>The stable type name from <see cref="CrmEventTypeAttribute"/>.</summary>
    public string Name { get; }

    /// <summary>The schema version from <see cref="CrmEventTypeAttribute"/>.</summary>
    public int Version { get; }

    internal JsonTypeInfo TypeInfo { get; }

    /// <summary>Describes <typeparamref name="TEvent"/> with its source-generated contract.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException">The type is abstract or has no <see cref="CrmEventTypeAttribute"/>.</exception>
    public static CrmEventRegistration Create<TEvent>(JsonTypeInfo<TEvent> typeInfo)
        where TEvent : CrmEvent
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var type = typeof(TEvent);
        if (type.IsAbstract)
        {
            throw new ArgumentException($"Event type {type.Name} is abstract; register concrete event types.", nameof(typeInfo));
        }

        var attribute = type.GetCustomAttribute<CrmEventTypeAttribute>(inherit: false)
            ?? throw new ArgumentException($"Event type {type.Name} has no [CrmEventType(name, version)] attribute.", nameof(typeInfo));
        return new CrmEventRegistration(type, attribute.Name, attribute.Version, typeInfo);
    }

    internal string Serialize(CrmEvent domainEvent) => JsonSerializer.Serialize(domainEvent, TypeInfo);

    internal CrmEvent? Deserialize(string payload) => (CrmEvent?)JsonSerializer.Deserialize(payload, TypeInfo);
}
