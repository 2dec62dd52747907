namespace Crm;

/// <summary>The <see cref="Microsoft.Extensions.Logging.EventId"/> numbers Crm.Core logs with, so hosts can filter them.</summary>
/// <remarks>Crm.Core owns 100–999: 100–199 the outbox. Numbers are never reused for another meaning.</remarks>
public static class CoreEventIds
{
    /// <summary>An outbox event was delivered to every listener (Debug).</summary>
    public const int OutboxEventDelivered = 101;

    /// <summary>A listener failed; the event will be retried after a backoff (Warning).</summary>
    public const int OutboxDeliveryFailed = 102;

    /// <summary>An event failed its last allowed attempt and was set aside as a dead letter (Error).</summary>
    public const int OutboxEventDeadLettered = 103;

    /// <summary>An event's lease expired during delivery and another dispatcher claimed it (Warning).</summary>
    public const int OutboxLeaseLost = 104;

    /// <summary>A background dispatch pass failed, for example because the store was unreachable; it is tried again (Error).</summary>
    public const int OutboxDispatchFailed = 105;
}
