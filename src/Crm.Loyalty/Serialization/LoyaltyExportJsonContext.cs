using System.Text.Json.Serialization;
using Crm.Loyalty.Privacy;

namespace Crm.Loyalty.Serialization;

/// <summary>The source-generated JSON contract of the loyalty section of a personal-data export.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LoyaltyExportSection))]
internal sealed partial class LoyaltyExportJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured.</summary>
    public static LoyaltyExportJsonContext Configured { get; } = new(LoyaltyJson.CreateOptions());
}
