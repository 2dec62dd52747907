using System.Collections.Concurrent;
using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.InMemory;

/// <summary>
/// The embedded default store: thread-safe, in-process, non-durable. Implements every contacts store capability.
/// </summary>
/// <remarks>
/// Each tenant has its own partition and lock, so tenants never see each other's data and never contend. Reads return
/// immutable snapshots; <see cref="SaveAsync"/> checks every stamp and version of a change set before writing any of it.
/// Register it as a singleton (the DI builder does so by default).
/// </remarks>
public sealed partial class InMemoryContactStore : IContactStore
{
    private readonly ConcurrentDictionary<TenantId, TenantPartition> _tenants = new();

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
        return Read<string, ContactId?>(tenantId, key, static (partition, k) => partition.IdempotencyKeys.TryGetValue(k, out var id) ? id : null, null, cancellationToken);
    }

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
            partition.Apply(changes);
        }

        return ValueTask.CompletedTask;
    }

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
