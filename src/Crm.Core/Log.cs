using Microsoft.Extensions.Logging;

namespace Crm;

/// <summary>Crm.Core's log messages: event type names, ids and counts only, never personal data or exception messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = CoreEventIds.OutboxEventDelivered, EventName = nameof(CoreEventIds.OutboxEventDelivered), Level = LogLevel.Debug,
        Message = "Delivered {EventType} event {EventId}")]
    public static partial void OutboxEventDelivered(ILogger logger, string eventType, Guid eventId);

    [LoggerMessage(EventId = CoreEventIds.OutboxDeliveryFailed, EventName = nameof(CoreEventIds.OutboxDeliveryFailed), Level = LogLevel.Warning,
        Message = "A listener of {EventType} event {EventId} failed with {ExceptionType} (attempt {Attempt}); it will be retried")]
    public static partial void OutboxDeliveryFailed(ILogger logger, string eventType, Guid eventId, int attempt, string exceptionType);

    [LoggerMessage(EventId = CoreEventIds.OutboxEventDeadLettered, EventName = nameof(CoreEventIds.OutboxEventDeadLettered), Level = LogLevel.Error,
        Message = "{EventType} event {EventId} failed {Attempt} times, last with {ExceptionType}; it was set aside as a dead letter")]
    public static partial void OutboxEventDeadLettered(ILogger logger, string eventType, Guid eventId, int attempt, string exceptionType);

    [LoggerMessage(EventId = CoreEventIds.OutboxLeaseLost, EventName = nameof(CoreEventIds.OutboxLeaseLost), Level = LogLevel.Warning,
        Message = "The lease on {EventType} event {EventId} expired during delivery; another dispatcher took it")]
    public static partial void OutboxLeaseLost(ILogger logger, string eventType, Guid eventId);

    [LoggerMessage(EventId = CoreEventIds.OutboxDispatchFailed, EventName = nameof(CoreEventIds.OutboxDispatchFailed), Level = LogLevel.Error,
        Message = "An outbox dispatch pass failed with {ExceptionType}; it will be tried again")]
    public static partial void OutboxDispatchFailed(ILogger logger, string exceptionType);
}
