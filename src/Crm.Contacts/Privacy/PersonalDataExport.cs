using System.Collections.ObjectModel;
using System.Text.Json;
using Crm.Contacts.Serialization;
using Crm.Privacy;
using NodaTime;

#if NET9_0_OR_GREATER
using SectionMap = System.Collections.Generic.OrderedDictionary<string, System.Text.Json.JsonElement?>;
#else
using SectionMap = System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement?>; // only ever added to, so it keeps insertion order
#endif

namespace Crm.Contacts.Privacy;

/// <summary>Everything held about one contact, as returned by <see cref="PersonalDataManager.ExportAsync"/>: one JSON section per contributor.</summary>
/// <remarks>
/// <para>Written as a versioned JSON document (<see cref="WriteTo"/>, <see cref="ToUtf8Bytes"/>, <see cref="ToJsonString"/>):</para>
/// <code>
/// { "schemaVersion": 1, "generatedAt": "2025-03-01T12:00:00Z", "tenantId": "acme", "contactId": "0195…",
///   "sections": { "contacts": { … }, "loyalty": { … }, "shop": null } }
/// </code>
/// <para>Names are camelCase, enums are strings, instants and dates use NodaTime's ISO patterns. A section is
/// <c>null</c> when its contributor holds nothing about the contact. <see cref="SchemaVersion"/> changes only when the
/// envelope or the contacts section changes incompatibly; new fields may appear without a new version.</para>
/// </remarks>
public sealed class PersonalDataExport
{
    /// <summary>The schema version this library writes.</summary>
    public const int CurrentSchemaVersion = 1;

    internal PersonalDataExport(TenantId tenantId, ContactId contactId, Instant generatedAt, SectionMap sections)
    {
        TenantId = tenantId;
        ContactId = contactId;
        GeneratedAt = generatedAt;
        Sections = new ReadOnlyDictionary<string, JsonElement?>(sections);
    }

    /// <summary>The version of the document's schema (<see cref="CurrentSchemaVersion"/>).</summary>
    public int SchemaVersion { get; } = CurrentSchemaVersion;

    /// <summary>When the export was generated, from the injected clock.</summary>
    public Instant GeneratedAt { get; }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>Each contributor's section by <see cref="IPersonalDataContributor.Name"/>, in the order they ran (contacts first); <see langword="null"/> when the contributor holds nothing.</summary>
    public IReadOnlyDictionary<string, JsonElement?> Sections { get; }

    /// <summary>Writes the JSON document.</summary>
    /// <remarks>Escaping follows the writer's <see cref="JsonWriterOptions.Encoder"/>; <see cref="ToUtf8Bytes"/> and <see cref="ToJsonString"/> escape only what JSON requires.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, ToDocument(), ContactsJsonContext.Configured.PersonalDataExportDocument);
    }

    /// <summary>The JSON document as UTF-8 bytes.</summary>
    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(ToDocument(), ContactsJsonContext.Configured.PersonalDataExportDocument);

    /// <summary>The JSON document as a string.</summary>
    public string ToJsonString() => JsonSerializer.Serialize(ToDocument(), ContactsJsonContext.Configured.PersonalDataExportDocument);

    private PersonalDataExportDocument ToDocument() => new()
    {
        SchemaVersion = SchemaVersion,
        GeneratedAt = GeneratedAt,
        TenantId = TenantId,
        ContactId = ContactId,
        Sections = new Dictionary<string, JsonElement?>(Sections, StringComparer.Ordinal),
    };

    /// <summary>The contact, the time and the section names; never the data.</summary>
    public override string ToString() => $"Personal data export of contact {ContactId} in tenant {TenantId} at {GeneratedAt} (schema {SchemaVersion}; sections {string.Join(", ", Sections.Keys)})";
}
