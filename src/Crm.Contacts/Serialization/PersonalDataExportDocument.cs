using System.Text.Json;
using NodaTime;

namespace Crm.Contacts.Serialization;

/// <summary>The envelope of a personal-data export (schema version 1).</summary>
internal sealed class PersonalDataExportDocument
{
    public int SchemaVersion { get; init; }

    public Instant GeneratedAt { get; init; }

    public TenantId TenantId { get; init; }

    public ContactId ContactId { get; init; }

    public Dictionary<string, JsonElement?> Sections { get; init; } = [];
}
