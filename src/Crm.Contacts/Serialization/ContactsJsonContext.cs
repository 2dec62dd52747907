using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Contacts.Serialization;

/// <summary>The contacts package's source-generated JSON metadata: camelCase names, enums as their C# names, NodaTime in ISO form.</summary>
/// <remarks>
/// Use <see cref="Configured"/>, not <c>Default</c>: the NodaTime converters are added at run time
/// (<c>ConfigureForNodaTime(DateTimeZoneProviders.Tzdb)</c>) and take precedence over the generated metadata, which
/// would otherwise write <see cref="Instant"/> as an object.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PersonalDataExportDocument))]
[JsonSerializable(typeof(ContactSectionDto))]
[JsonSerializable(typeof(ContactDocumentDto))]
internal sealed partial class ContactsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured.</summary>
    public static ContactsJsonContext Configured { get; } = new(CreateOptions());

    /// <summary>Options for this context: camelCase names, string enums, NodaTime (TZDB) converters.</summary>
    internal static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,

            // An export is a file for a person to read and a program to parse, never markup: write '+', accents and
            // non-Latin names as they are instead of \uXXXX escapes. Still escapes control characters and quotes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
