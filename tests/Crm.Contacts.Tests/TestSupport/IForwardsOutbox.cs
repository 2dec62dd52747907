using Crm.Events;
using Crm.InMemory;
using Crm.Outbox;
using NodaTime;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>A test store that keeps its events in an <see cref="InMemoryOutbox"/> (usually its wrapped in-memory store's) and forwards the outbox capability to it.</summary>
internal interface IForwardsOutbox : IOutboxStore
{
    InMemoryOutbox Outbox { get; }

    ValueTask<IReadOnlyList<OutboxMessage>> IOutboxStore.ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
        => Outbox.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

    ValueTask<bool> IOutboxStore.CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken)
        => Outbox.CompleteAsync(lease, deliveredAt, cancellationToken);

    ValueTask<bool> IOutboxStore.FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken)
        => Outbox.FailAsync(lease, error, retryAt, cancellationToken);

    ValueTask<IReadOnlyList<OutboxMessage>> IOutboxStore.GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken)
        => Outbox.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

    ValueTask<bool> IOutboxStore.RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken)
        => Outbox.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);
}
