using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Contacts.Events;
using Crm.Contacts.Privacy;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Contacts.Serialization;

/// <summary>The source-generated JSON contracts of the contacts package's events, as the outbox stores them: camelCase, enums as strings, NodaTime in ISO form.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ContactCreated))]
[JsonSerializable(typeof(ContactUpdated))]
[JsonSerializable(typeof(LifecycleStageChanged))]
[JsonSerializable(typeof(ConsentChanged))]
[JsonSerializable(typeof(ContactsMerged))]
[JsonSerializable(typeof(PossibleDuplicateDetected))]
[JsonSerializable(typeof(ReferralRecorded))]
[JsonSerializable(typeof(ReferralRequestRecorded))]
[JsonSerializable(typeof(PersonalDataExported))]
[JsonSerializable(typeof(PersonalDataErased))]
internal sealed partial class ContactsEventsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured (they take precedence over the generated metadata).</summary>
    public static ContactsEventsJsonContext Configured { get; } = new(CreateOptions());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
