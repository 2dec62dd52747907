using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Loyalty.Events;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Loyalty.Serialization;

/// <summary>The source-generated JSON contracts of the loyalty package's events, as the outbox stores them: camelCase, enums as strings, NodaTime in ISO form.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PointsEarned))]
[JsonSerializable(typeof(PointsRedeemed))]
[JsonSerializable(typeof(PointsExpired))]
[JsonSerializable(typeof(PointsReversed))]
[JsonSerializable(typeof(PointsAdjusted))]
[JsonSerializable(typeof(RewardPaid))]
internal sealed partial class LoyaltyEventsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured (they take precedence over the generated metadata).</summary>
    public static LoyaltyEventsJsonContext Configured { get; } = new(CreateOptions());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
