using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Loyalty.Serialization;

/// <summary>The JSON settings every document of the package uses: camelCase, enums as strings, NodaTime in ISO form.</summary>
internal static class LoyaltyJson
{
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
