using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Interactions.Serialization;

/// <summary>The source-generated JSON contract of the package's personal-data export section: camelCase, enums as strings, NodaTime in ISO form.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(InteractionsExportDto))]
[JsonSerializable(typeof(FollowUpsExportDto))]
internal sealed partial class InteractionsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured.</summary>
    public static InteractionsJsonContext Configured { get; } = new(CreateOptions());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
