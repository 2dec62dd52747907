namespace Crm.Outbox;

/// <summary>What one <see cref="OutboxDispatcher.DispatchPendingAsync"/> call did.</summary>
/// <param name="Delivered">Events every listener handled; they will not be delivered again.</param>
/// <param name="Retried">Events a listener failed on, scheduled for another attempt with backoff.</param>
/// <param name="DeadLettered">Events that failed <see cref="OutboxOptions.MaxAttempts"/> times and were set aside with the error.</param>
/// <param name="LeasesLost">Events whose lease expired during delivery and were claimed by another dispatcher; that one reports them.</param>
public sealed record OutboxDispatchResult(int Delivered, int Retried, int DeadLettered, int LeasesLost)
{
    /// <summary>How many events were claimed.</summary>
    public int Claimed => Delivered + Retried + DeadLettered + LeasesLost;
}
