using System.Text.Json.Serialization;
using Crm.Loyalty.Events;

namespace Crm.Loyalty.Serialization;

/// <summary>The source-generated JSON contracts of the loyalty package's events, as the outbox stores them: camelCase, enums as strings, NodaTime in ISO form.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PointsEarned))]
[JsonSerializable(typeof(PointsRedeemed))]
[JsonSerializable(typeof(PointsExpired))]
[JsonSerializable(typeof(PointsReversed))]
[JsonSerializable(typeof(PointsAdjusted))]
[JsonSerializable(typeof(RewardPaid))]
[JsonSerializable(typeof(TierChanged))]
[JsonSerializable(typeof(BadgeAwarded))]
internal sealed partial class LoyaltyEventsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured (they take precedence over the generated metadata).</summary>
    public static LoyaltyEventsJsonContext Configured { get; } = new(LoyaltyJson.CreateOptions());
}
