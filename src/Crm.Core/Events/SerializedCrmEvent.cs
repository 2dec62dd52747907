namespace Crm.Events;

/// <summary>An event as a database keeps it: its stable type name, schema version and JSON payload.</summary>
/// <param name="TypeName">The <see cref="CrmEventTypeAttribute.Name"/> of the event type.</param>
/// <param name="Version">The <see cref="CrmEventTypeAttribute.Version"/> the payload was written with.</param>
/// <param name="Payload">The event as JSON (camelCase, NodaTime ISO formats), including its id, tenant, correlation and causation.</param>
public sealed record SerializedCrmEvent(string TypeName, int Version, string Payload);
