using NodaTime;

namespace Crm.Outbox;

/// <summary>
/// The outbox capability of a store: the events its change sets wrote, claimed and delivered by the <see cref="OutboxDispatcher"/>.
/// </summary>
/// <remarks>
/// <para>A store that implements it writes every event of a change set in the same atomic save as the facts (a
/// transactional outbox), so an event exists if and only if its fact does. The dispatcher then works across tenants:
/// claiming is the one store operation that is not scoped to a tenant, because delivery is a system process.</para>
/// <para>Claiming is exclusive for the lease: two dispatchers in parallel never hold the same event at the same time. A
/// lease that expires (the dispatcher crashed) makes the event claimable again, so delivery is at least once.
/// <see cref="CompleteAsync"/> and <see cref="FailAsync"/> act only while the lease token still holds.</para>
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Claims up to <paramref name="maxCount"/> pending events that are due at <paramref name="now"/>, oldest first, leasing each until <paramref name="leaseUntil"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is not positive, or <paramref name="leaseUntil"/> is not after <paramref name="now"/>.</exception>
    ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken);

    /// <summary>Marks a claimed event delivered; it is never claimed again. Returns <see langword="false"/> when the lease was lost (it expired and another claim took the event), in which case nothing changes.</summary>
    ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken);

    /// <summary>Records a failed delivery: the event becomes due again at <paramref name="retryAt"/>, or is set aside as a dead letter when it is <see langword="null"/>. Returns <see langword="false"/> when the lease was lost.</summary>
    /// <exception cref="ArgumentException"><paramref name="error"/> is empty.</exception>
    ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken);

    /// <summary>The tenant's dead letters, oldest first, for an operator to inspect.</summary>
    ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken);

    /// <summary>Makes a dead letter of the tenant pending again (after the cause was fixed), due at once. Returns <see langword="false"/> when no such dead letter exists.</summary>
    ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, Events.CrmEventId eventId, CancellationToken cancellationToken);
}
