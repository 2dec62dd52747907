using Crm.EntityFrameworkCore.Entities;
using Crm.Events;
using Crm.Outbox;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Storage;

public sealed partial class EfContactStore<TContext> : ISharedOutboxStore
{
    /// <inheritdoc />
    /// <remarks>The context the store works in, or the factory it opens contexts from: the interaction and loyalty stores
    /// over the same context or factory write to the same <c>crm_outbox</c> table and report the same identity.</remarks>
    public object OutboxIdentity => (object?)_context ?? _factory!;

    /// <inheritdoc />
    /// <remarks>Exclusive by a conditional update: the candidates are leased with <c>UPDATE … WHERE sequence IN (…) AND the
    /// lease is free</c>, which a parallel claimer re-checks after the row lock it waits for, so each event goes to one claimer.</remarks>
    public async ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        if (leaseUntil <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(leaseUntil), leaseUntil, "The lease must end after now.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var candidates = await Claimable(db, now)
            .OrderBy(r => r.Sequence)
            .Select(r => r.Sequence)
            .Take(maxCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid();
        await Claimable(db, now)
            .Where(r => candidates.Contains(r.Sequence))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseToken, token).SetProperty(r => r.LeaseExpiresAt, leaseUntil), cancellationToken)
            .ConfigureAwait(false);
        var rows = await db.Set<OutboxRow>().AsNoTracking()
            .Where(r => r.LeaseToken == token)
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => ToMessage(r, new OutboxLease(r.EventId, token, leaseUntil)))];
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        var touched = await Held(db, lease)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, OutboxRow.Delivered).SetProperty(r => r.DeliveredAt, deliveredAt)
                    .SetProperty(r => r.LeaseToken, (Guid?)null).SetProperty(r => r.LeaseExpiresAt, (Instant?)null),
                cancellationToken).ConfigureAwait(false);
        return touched == 1;
    }

    /// <inheritdoc />
    public async ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        cancellationToken.ThrowIfCancellationRequested();
        var state = retryAt is null ? OutboxRow.DeadLettered : OutboxRow.Pending;
        var touched = await Held(db, lease)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, state).SetProperty(r => r.Attempts, r => r.Attempts + 1)
                    .SetProperty(r => r.LastError, error).SetProperty(r => r.DueAt, r => retryAt ?? r.DueAt)
                    .SetProperty(r => r.LeaseToken, (Guid?)null).SetProperty(r => r.LeaseExpiresAt, (Instant?)null),
                cancellationToken).ConfigureAwait(false);
        return touched == 1;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var rows = await db.Set<OutboxRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.State == OutboxRow.DeadLettered)
            .OrderBy(r => r.Sequence)
            .Take(maxCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => ToMessage(r, null))];
    }

    /// <inheritdoc />
    public async ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        var touched = await db.Set<OutboxRow>()
            .Where(r => r.TenantId == tenantId && r.EventId == eventId && r.State == OutboxRow.DeadLettered)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, OutboxRow.Pending).SetProperty(r => r.Attempts, 0).SetProperty(r => r.DueAt, Instant.MinValue),
                cancellationToken).ConfigureAwait(false);
        return touched == 1;
    }

    private static IQueryable<OutboxRow> Claimable(TContext db, Instant now)
        => db.Set<OutboxRow>().Where(r => r.State == OutboxRow.Pending && r.DueAt <= now && (r.LeaseExpiresAt == null || r.LeaseExpiresAt <= now));

    private static IQueryable<OutboxRow> Held(TContext db, OutboxLease lease)
    {
        var (eventId, token) = (lease.EventId, (Guid?)lease.Token);
        return db.Set<OutboxRow>().Where(r => r.EventId == eventId && r.LeaseToken == token && r.State == OutboxRow.Pending);
    }

    private OutboxMessage ToMessage(OutboxRow row, OutboxLease? lease)
        => new(_events.Deserialize(new SerializedCrmEvent(row.TypeName, row.TypeVersion, row.Payload)), row.Attempts, row.LastError, lease);
}
