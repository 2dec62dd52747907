using System.Collections.Concurrent;
using Crm.Events;
using Crm.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty.InMemory;

/// <summary>The embedded default loyalty store: thread-safe, in-process, non-durable, with its own outbox.</summary>
/// <remarks>
/// Each tenant has its own partition and lock. <see cref="SaveAsync"/> checks every guard of a change set before writing
/// any of it and appends the change set's events to the embedded <see cref="InMemoryOutbox"/> under the same lock.
/// Register it as a singleton (the DI builder does so by default).
/// </remarks>
public sealed partial class InMemoryLoyaltyStore : ILoyaltyStore, IOutboxStore, IVersionCounterStore
{
    private readonly ConcurrentDictionary<TenantId, LoyaltyPartition> _tenants = new();

    /// <summary>The outbox holding every event this store's change sets wrote (for inspection in tests).</summary>
    public InMemoryOutbox Outbox { get; } = new();

    /// <inheritdoc />
    public ValueTask<LoyaltyAccount> GetAccountAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        ContactId.ThrowIfEmpty(contactId);
        return Read(tenantId, contactId, static (p, id) => p.Account(id), new LoyaltyAccount(contactId, 0, [], []), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<LedgerEntry?> FindEntryByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(tenantId, key, static (p, k) => p.ByKey.GetValueOrDefault(k), null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<LedgerEntry?> FindEntryAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken)
        => Read(tenantId, entryId, static (p, id) => p.Entries.GetValueOrDefault(id), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LedgerEntry>> ListReversalsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken)
        => Read<LedgerEntryId, IReadOnlyList<LedgerEntry>>(tenantId, entryId, static (p, id) => p.Reversals.TryGetValue(id, out var list) ? list.ToList() : [], [], cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LotAllocation>> ListAllocationsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken)
        => Read<LedgerEntryId, IReadOnlyList<LotAllocation>>(tenantId, entryId, static (p, id) => p.AllocationsByEntry.TryGetValue(id, out var list) ? list.ToList() : [], [], cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LotBalance>> ListLotsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read<ContactId, IReadOnlyList<LotBalance>>(tenantId, contactId, static (p, id) => p.LotsByMember.TryGetValue(id, out var list) ? list.Select(p.BalanceOf).ToList() : [], [], cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<LedgerEntry>> ListEntriesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
    {
        LedgerEntryId? after = null;
        if (page.Cursor is not null)
        {
            after = LedgerEntryId.TryParse(page.Cursor, out var id) ? id : throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
        }

        return Read(
            tenantId,
            (contactId, after, page.Size),
            static (p, q) =>
            {
                if (!p.ByMember.TryGetValue(q.contactId, out var entries))
                {
                    return new Page<LedgerEntry>([], null);
                }

                var start = 0;
                if (q.after is { } a)
                {
                    start = entries.FindIndex(e => e.Id == a) + 1;
                    if (start == 0)
                    {
                        throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
                    }
                }

                var items = entries.Skip(start).Take(q.Size).ToList();
                var more = start + items.Count < entries.Count;
                return new Page<LedgerEntry>(items, more ? items[^1].Id.ToString() : null);
            },
            new Page<LedgerEntry>([], null),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> SumEarnedAsync(TenantId tenantId, ContactId contactId, Instant from, Instant to, CancellationToken cancellationToken)
        => Read(
            tenantId,
            (contactId, from, to),
            static (p, q) => p.ByMember.TryGetValue(q.contactId, out var entries)
                ? entries.Where(e => e.Kind == LedgerEntryKind.Earn && e.RecordedAt >= q.from && e.RecordedAt < q.to).Sum(e => e.Points)
                : 0L,
            0L,
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> CountRewardRedemptionsAsync(TenantId tenantId, string rewardId, ContactId? contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rewardId);
        return Read(
            tenantId,
            (rewardId, contactId),
            static (p, q) => p.RewardRedemptions.TryGetValue(q.rewardId, out var entries)
                ? entries.LongCount(e => (q.contactId is not { } c || e.ContactId == c) && !p.Reversals.ContainsKey(e.Id))
                : 0L,
            0L,
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Members.MemberPoints>> ListTopEarnersAsync(TenantId tenantId, Instant from, Instant to, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PageRequest.MaxPageSize);
        return Read<(Instant, Instant, int), IReadOnlyList<Members.MemberPoints>>(
            tenantId,
            (from, to, count),
            static (p, q) => p.ByMember
                .Select(m => new Members.MemberPoints(m.Key, m.Value.Where(e => e.RecordedAt >= q.Item1 && e.RecordedAt < q.Item2 && LoyaltyPartition.CountsAsEarned(e)).Sum(e => e.Points)))
                .Where(m => m.PointsEarned > 0)
                .OrderByDescending(m => m.PointsEarned).ThenBy(m => m.ContactId)
                .Take(q.Item3)
                .ToList(),
            [],
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken)
    {
        VersionCheck.ValidateName(counter, nameof(counter));
        return Read(tenantId, counter, static (p, name) => p.Counters.GetValueOrDefault(name), 0L, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(TenantId tenantId, LoyaltyChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var partition = _tenants.GetOrAdd(tenantId, static _ => new LoyaltyPartition());
        lock (partition.Gate)
        {
            partition.Check(tenantId, changes);
            Outbox.Check(tenantId, changes.Events);
            partition.Apply(changes);
            Outbox.Append(changes.Events);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
        => Outbox.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken)
        => Outbox.CompleteAsync(lease, deliveredAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken)
        => Outbox.FailAsync(lease, error, retryAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken)
        => Outbox.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken)
        => Outbox.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);

    private ValueTask<TResult> Read<TState, TResult>(TenantId tenantId, TState state, Func<LoyaltyPartition, TState, TResult> read, TResult whenAbsent, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_tenants.TryGetValue(tenantId, out var partition))
        {
            return ValueTask.FromResult(whenAbsent);
        }

        lock (partition.Gate)
        {
            return ValueTask.FromResult(read(partition, state));
        }
    }
}
