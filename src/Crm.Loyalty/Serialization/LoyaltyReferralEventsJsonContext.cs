using System.Text.Json.Serialization;
using Crm.Loyalty.Events;

namespace Crm.Loyalty.Serialization;

/// <summary>The source-generated JSON contracts of the referral and merge events, as the outbox stores them: camelCase, enums as strings, NodaTime in ISO form.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReferralRewardPaid))]
[JsonSerializable(typeof(ReferralRewardVoided))]
[JsonSerializable(typeof(ReferralRejected))]
[JsonSerializable(typeof(LedgerMerged))]
internal sealed partial class LoyaltyReferralEventsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured.</summary>
    public static LoyaltyReferralEventsJsonContext Configured { get; } = new(LoyaltyJson.CreateOptions());
}
