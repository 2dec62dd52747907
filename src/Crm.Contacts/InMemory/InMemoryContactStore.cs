using System.Collections.Concurrent;
using Crm.Events;
using Crm.InMemory;
using Crm.Outbox;
using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.InMemory;

/// <summary>
/// The embedded default store: thread-safe, in-process, non-durable. Implements every contacts store capability and the outbox.
/// </summary>
/// <remarks>
/// Each tenant has its own partition and lock, so tenants never see each other's data and never contend. Reads return
/// immutable snapshots; <see cref="SaveAsync"/> checks every stamp and version of a change set before writing any of it,
/// and appends the change set's events to the embedded <see cref="InMemoryOutbox"/> under the same lock.
/// Register it as a singleton (the DI builder does so by default).
/// </remarks>
public sealed partial class InMemoryContactStore : IContactStore, IOutboxStore, IVersionCounterStore, IContactIdempotencyKeyPurge, IContactUniqueKeys, IContactBulkInsert
{
    private readonly ConcurrentDictionary<TenantId, TenantPartition> _tenants = new();
    private readonly InMemoryOutbox _outbox = new();

    /// <summary>The outbox holding every event this store's change sets wrote (for inspection in tests).</summary>
    public InMemoryOutbox Outbox => _outbox;

    /// <inheritdoc />
    public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read(tenantId, contactId, static (partition, id) => partition.Contacts.GetValueOrDefault(id), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ContactId? after = null;
        if (page.Cursor is not null)
        {
            after = ContactId.TryParse(page.Cursor, out var id)
                ? id
                : throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
        }

        var partition = Find(tenantId);
        if (partition is null)
        {
            return ValueTask.FromResult(new Page<Contact>([], null));
        }

        lock (partition.Gate)
        {
            var ordered = partition.Order;
            if (ordered.Count == 0)
            {
                return ValueTask.FromResult(new Page<Contact>([], null));
            }

            var view = after is { } a
                ? (a >= ordered.Max ? [] : ordered.GetViewBetween(a, ordered.Max))
                : ordered;
            var items = new List<Contact>(Math.Min(page.Size, ordered.Count));
            var hasMore = false;
            foreach (var id in view)
            {
                if (after is { } skip && id == skip)
                {
                    continue;
                }

                if (items.Count == page.Size)
                {
                    hasMore = true;
                    break;
                }

                items.Add(partition.Contacts[id]);
            }

            return ValueTask.FromResult(new Page<Contact>(items, hasMore ? items[^1].Id.ToString() : null));
        }
    }

    /// <inheritdoc />
    public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read<string, ContactId?>(tenantId, key, static (partition, k) => partition.IdempotencyKeys.TryGetValue(k, out var record) ? record.ContactId : null, null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken)
    {
        VersionCheck.ValidateName(counter, nameof(counter));
        return Read(tenantId, counter, static (partition, name) => partition.Counters.GetValueOrDefault(name), 0L, cancellationToken);
    }

    /// <summary>Always <see langword="true"/>: every save checks <see cref="ContactChangeSet.DuplicateKeyClaims"/> against the duplicate index.</summary>
    public bool EnforcesDuplicateKeyClaims => true;

    /// <inheritdoc />
    public ValueTask<int> PurgeIdempotencyKeysAsync(TenantId tenantId, NodaTime.Instant recordedBefore, CancellationToken cancellationToken)
        => Read(
            tenantId,
            recordedBefore,
            static (partition, before) =>
            {
                var expired = partition.IdempotencyKeys.Values.Where(k => k.RecordedAt < before).Select(k => k.Key).ToList();
                expired.ForEach(key => partition.IdempotencyKeys.Remove(key));
                return expired.Count;
            },
            0,
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var partition = _tenants.GetOrAdd(tenantId, static _ => new TenantPartition());
        lock (partition.Gate)
        {
            partition.Check(tenantId, changes);
            _outbox.Check(tenantId, changes.Events);
            partition.Apply(changes);
            _outbox.Append(changes.Events);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>In memory there is no faster path: the change set is checked to be create-only and applied as <see cref="SaveAsync"/> applies it, under the tenant's lock.</remarks>
    public ValueTask BulkInsertAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        ContactBulkInsertRules.Validate(changes);
        return SaveAsync(tenantId, changes, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, NodaTime.Instant now, NodaTime.Instant leaseUntil, CancellationToken cancellationToken)
        => _outbox.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(OutboxLease lease, NodaTime.Instant deliveredAt, CancellationToken cancellationToken)
        => _outbox.CompleteAsync(lease, deliveredAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> FailAsync(OutboxLease lease, string error, NodaTime.Instant? retryAt, CancellationToken cancellationToken)
        => _outbox.FailAsync(lease, error, retryAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken)
        => _outbox.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken)
        => _outbox.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);

    /// <summary>Runs <paramref name="read"/> under the tenant's lock, or answers <paramref name="whenAbsent"/> for a tenant with no data.</summary>
    private ValueTask<TResult> Read<TState, TResult>(
        TenantId tenantId, TState state, Func<TenantPartition, TState, TResult> read, TResult whenAbsent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var partition = Find(tenantId);
        if (partition is null)
        {
            return ValueTask.FromResult(whenAbsent);
        }

        lock (partition.Gate)
        {
            return ValueTask.FromResult(read(partition, state));
        }
    }

    private TenantPartition? Find(TenantId tenantId)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _tenants.GetValueOrDefault(tenantId);
    }
}
