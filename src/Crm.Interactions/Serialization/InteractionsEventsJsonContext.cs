using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Interactions.Events;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Crm.Interactions.Serialization;

/// <summary>The source-generated JSON contracts of the interactions package's events, as the outbox stores them: camelCase, enums as strings, NodaTime in ISO form.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(InteractionRecorded))]
[JsonSerializable(typeof(PurchaseRecorded))]
[JsonSerializable(typeof(PurchaseRefunded))]
[JsonSerializable(typeof(ContractChanged))]
[JsonSerializable(typeof(CaseOpened))]
[JsonSerializable(typeof(CaseStatusChanged))]
[JsonSerializable(typeof(SlaBreached))]
[JsonSerializable(typeof(FeedbackRecorded))]
[JsonSerializable(typeof(DetractorAlert))]
[JsonSerializable(typeof(FollowUpCreated))]
[JsonSerializable(typeof(FollowUpCompleted))]
[JsonSerializable(typeof(AcknowledgementRendered))]
internal sealed partial class InteractionsEventsJsonContext : JsonSerializerContext
{
    /// <summary>The context with the NodaTime converters configured (they take precedence over the generated metadata).</summary>
    public static InteractionsEventsJsonContext Configured { get; } = new(CreateOptions());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
