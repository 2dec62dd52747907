using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Core.Tests.TestSupport;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ThingHappened))]
[JsonSerializable(typeof(Unnamed))]
internal sealed partial class TestEventsJsonContext : JsonSerializerContext
{
    public static TestEventsJsonContext Configured { get; } = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
}
