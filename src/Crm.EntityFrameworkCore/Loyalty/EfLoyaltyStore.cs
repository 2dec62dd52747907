using Crm.EntityFrameworkCore.Entities;
using Crm.EntityFrameworkCore.Storage;
using Crm.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Loyalty;

/// <summary>
/// The loyalty ledger store on EF Core: entries, lots and allocations in <c>crm_loyalty_*</c> tables, the version counters
/// and the transactional outbox shared with the other packages, over any <see cref="DbContext"/> whose model applies
/// <see cref="CrmModelBuilderExtensions.ApplyCrmLoyalty"/> (as <see cref="CrmDbContext"/> does).
/// </summary>
/// <remarks>
/// <para><see cref="SaveAsync"/> applies a change set in one transaction — the host's, when one is open on the context
/// (inside a savepoint), or its own. The guards are the database's: the member's balance version advances with
/// <c>UPDATE … WHERE version = @expected</c>, the idempotency key is a unique constraint per tenant, and after the rows are
/// written the touched lots' allocations are summed in the same transaction, so a lot can never be overdrawn. Each failure
/// surfaces as <see cref="ConcurrencyConflictException"/> with nothing written.</para>
/// <para>Rows are appended only; nothing is updated or deleted.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context (or <see cref="CrmDbContext"/>).</typeparam>
public sealed partial class EfLoyaltyStore<TContext> : ILoyaltyStore, ISharedOutboxStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> _db;
    private readonly CrmEventSerializer _events;
    private readonly EfContactStore<TContext> _shared;

    /// <summary>Creates a scoped store over <paramref name="context"/>: its writes join the transaction open on the context.</summary>
    /// <remarks>Like the context, the store is not thread-safe: use one per scope.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EfLoyaltyStore(TContext context, CrmEventSerializer events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        _db = new ContextSource<TContext>(context);
        _events = events;
        _shared = new EfContactStore<TContext>(context, events);
    }

    /// <summary>Creates a thread-safe store that opens a new context from <paramref name="factory"/> for every call (usable as a singleton; it joins no host transaction).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EfLoyaltyStore(IDbContextFactory<TContext> factory, CrmEventSerializer events)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(events);
        _db = new ContextSource<TContext>(factory);
        _events = events;
        _shared = new EfContactStore<TContext>(factory, events);
    }

    /// <inheritdoc />
    public ValueTask<LoyaltyAccount> GetAccountAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _db.UseAsync(db => EfContactStore<TContext>.ReadConsistentAsync(db, async ct =>
        {
            var lots = await LotBalancesAsync(db, tenantId, contactId, ct).ConfigureAwait(false);
            var debits = await Entries(db, tenantId).Where(r => r.ContactId == contactId && r.Points < 0)
                .OrderBy(r => r.Sequence).Select(r => new { r.Id, r.Points }).ToListAsync(ct).ConfigureAwait(false);
            var allocated = (await Allocations(db, tenantId).Where(r => r.ContactId == contactId)
                .GroupBy(r => r.EntryId).Select(g => new { g.Key, Sum = g.Sum(r => r.Points) }).ToListAsync(ct).ConfigureAwait(false))
                .ToDictionary(a => a.Key, a => a.Sum);
            var debts = debits.Select(d => new DebtBalance(d.Id, -d.Points - allocated.GetValueOrDefault(d.Id))).Where(d => d.Outstanding > 0).ToList();
            var counter = LoyaltyChangeSet.BalanceCounter(contactId);
            var version = await db.Set<VersionCounterRow>().AsNoTracking().Where(r => r.TenantId == tenantId && r.Name == counter)
                .Select(r => r.Version).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return new LoyaltyAccount(contactId, version, [.. lots.Where(l => l.Remaining > 0)], debts);
        }, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<LedgerEntry?> FindEntryByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(key);
        return _db.UseAsync(async db => (await Entries(db, tenantId).FirstOrDefaultAsync(r => r.IdempotencyKey == key, cancellationToken).ConfigureAwait(false)) is { } row ? ToEntry(row) : null);
    }

    /// <inheritdoc />
    public ValueTask<LedgerEntry?> FindEntryAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync(async db => (await Entries(db, tenantId).FirstOrDefaultAsync(r => r.Id == entryId, cancellationToken).ConfigureAwait(false)) is { } row ? ToEntry(row) : null);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LedgerEntry>> ListReversalsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        LedgerEntryId? reversed = entryId;
        return _db.UseAsync<IReadOnlyList<LedgerEntry>>(async db => [.. (await Entries(db, tenantId).Where(r => r.ReversesEntryId == reversed).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(ToEntry)]);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LotAllocation>> ListAllocationsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync<IReadOnlyList<LotAllocation>>(async db => [.. (await Allocations(db, tenantId).Where(r => r.EntryId == entryId).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(r => new LotAllocation(r.LotId, r.EntryId, r.Points))]);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LotBalance>> ListLotsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync(db => EfContactStore<TContext>.ReadConsistentAsync(db, async ct => (IReadOnlyList<LotBalance>)await LotBalancesAsync(db, tenantId, contactId, ct).ConfigureAwait(false), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<Page<LedgerEntry>> ListEntriesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        LedgerEntryId? after = null;
        if (page.Cursor is not null)
        {
            after = LedgerEntryId.TryParse(page.Cursor, out var id) ? id : throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
        }

        var size = page.Size == 0 ? PageRequest.DefaultPageSize : page.Size;
        return _db.UseAsync(async db =>
        {
            long from = 0;
            if (after is { } cursor)
            {
                from = await Entries(db, tenantId).Where(r => r.Id == cursor && r.ContactId == contactId).Select(r => r.Sequence)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (from == 0)
                {
                    throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
                }
            }

            var rows = await Entries(db, tenantId).Where(r => r.ContactId == contactId && r.Sequence > from).OrderBy(r => r.Sequence).Take(size + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var items = rows.Take(size).Select(ToEntry).ToList();
            return new Page<LedgerEntry>(items, rows.Count > size ? items[^1].Id.ToString() : null);
        });
    }

    /// <inheritdoc />
    public ValueTask<long> SumEarnedAsync(TenantId tenantId, ContactId contactId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync(db => Entries(db, tenantId)
            .Where(r => r.ContactId == contactId && r.Kind == LedgerEntryKind.Earn && r.RecordedAt >= from && r.RecordedAt < to)
            .SumAsync(r => r.Points, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<long> CountRewardRedemptionsAsync(TenantId tenantId, string rewardId, ContactId? contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(rewardId);
        return _db.UseAsync(db =>
        {
            var redemptions = Entries(db, tenantId).Where(r => r.RewardId == rewardId);
            if (contactId is { } member)
            {
                redemptions = redemptions.Where(r => r.ContactId == member);
            }

            return redemptions
                .Where(r => !db.Set<LoyaltyEntryRow>().Any(x => x.TenantId == tenantId && x.ReversesEntryId == (LedgerEntryId?)r.Id))
                .LongCountAsync(cancellationToken);
        });
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Crm.Loyalty.Members.MemberPoints>> ListTopEarnersAsync(TenantId tenantId, Instant from, Instant to, int count, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PageRequest.MaxPageSize);
        return _db.UseAsync<IReadOnlyList<Crm.Loyalty.Members.MemberPoints>>(async db =>
        {
            var top = await Entries(db, tenantId)
                .Where(r => r.RecordedAt >= from && r.RecordedAt < to
                    && (r.Kind == LedgerEntryKind.Earn || (r.Kind == LedgerEntryKind.Reverse && r.Snapshot != null)))
                .GroupBy(r => r.ContactId)
                .Select(g => new { ContactId = g.Key, Points = g.Sum(r => r.Points) })
                .Where(m => m.Points > 0)
                .OrderByDescending(m => m.Points).ThenBy(m => m.ContactId)
                .Take(count)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. top.Select(m => new Crm.Loyalty.Members.MemberPoints(m.ContactId, m.Points))];
        });
    }

    /// <inheritdoc />
    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => _shared.GetVersionAsync(tenantId, counter, cancellationToken);

    /// <inheritdoc />
    public async ValueTask SaveAsync(TenantId tenantId, LoyaltyChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return;
        }

        var member = CheckShape(tenantId, changes);
        var outbox = ChangeSetPlan.OutboxRowsFor(tenantId, changes.Events, _events);
        await _db.UseAsync(async db =>
        {
            await EfContactStore<TContext>.WriteAsync(db, ct => ApplyAsync(db, tenantId, member, changes, outbox, ct), EfContactStore<TContext>.ConflictFrom, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public object OutboxIdentity => _shared.OutboxIdentity;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
        => _shared.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken)
        => _shared.CompleteAsync(lease, deliveredAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken)
        => _shared.FailAsync(lease, error, retryAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken)
        => _shared.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken)
        => _shared.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);

    /// <summary>Checks what needs no database: one tenant and one member, keys and ids unique within the set, lots matching entries.</summary>
    private static ContactId? CheckShape(TenantId tenantId, LoyaltyChangeSet changes)
    {
        ContactId? member = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<LedgerEntryId>();
        foreach (var entry in changes.Entries)
        {
            ArgumentNullException.ThrowIfNull(entry, ChangeSetPlan.ParameterName);
            if (entry.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds an entry of another tenant.", ChangeSetPlan.ParameterName);
            }

            if (member is { } m && m != entry.ContactId)
            {
                throw new ArgumentException("A loyalty change set writes the ledger of one member.", ChangeSetPlan.ParameterName);
            }

            member = entry.ContactId;
            if (!keys.Add(entry.IdempotencyKey) || !ids.Add(entry.Id))
            {
                throw new ConcurrencyConflictException("idempotency key", entry.IdempotencyKey);
            }
        }

        var lots = new HashSet<LedgerEntryId>();
        foreach (var lot in changes.LotsCreated)
        {
            ArgumentNullException.ThrowIfNull(lot, ChangeSetPlan.ParameterName);
            if (!ids.Contains(lot.Id) || lot.ContactId != member || !lots.Add(lot.Id))
            {
                throw new ArgumentException($"The lot '{lot.Id}' must share the id and member of one entry of the same change set.", ChangeSetPlan.ParameterName);
            }
        }

        foreach (var allocation in changes.Allocations)
        {
            ArgumentNullException.ThrowIfNull(allocation, ChangeSetPlan.ParameterName);
        }

        return member;
    }

    private static async Task ApplyAsync(TContext db, TenantId tenantId, ContactId? member, LoyaltyChangeSet changes, List<OutboxRow> outbox, CancellationToken cancellationToken)
    {
        // 1. Version counters (in name order, so two writers lock them in the same order).
        foreach (var check in changes.VersionChecks.OrderBy(c => c.Counter, StringComparer.Ordinal))
        {
            await EfContactStore<TContext>.AdvanceCounterAsync(db, tenantId, check, cancellationToken).ConfigureAwait(false);
        }

        // 2. Idempotency keys: refused when recorded (and by the unique index when a parallel writer records one first).
        var keys = changes.Entries.Select(e => e.IdempotencyKey).ToList();
        if (keys.Count > 0 && await Entries(db, tenantId).Where(r => keys.Contains(r.IdempotencyKey)).Select(r => r.IdempotencyKey)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } taken)
        {
            throw new ConcurrencyConflictException("idempotency key", taken);
        }

        // 3. The lots and entries the allocations name, of the member: the new ones or stored ones.
        var newLots = changes.LotsCreated.ToDictionary(l => l.Id, l => l.Points);
        var newEntries = changes.Entries.ToDictionary(e => e.Id, e => e.Points);
        var lotIds = changes.Allocations.Select(a => a.LotId).Distinct().ToList();
        var entryIds = changes.Allocations.Select(a => a.EntryId).Distinct().ToList();
        var storedLots = await db.Set<LoyaltyLotRow>().AsNoTracking().Where(r => r.TenantId == tenantId && lotIds.Contains(r.Id))
            .Select(r => new { r.Id, r.ContactId, r.Points }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var storedEntries = await Entries(db, tenantId).Where(r => entryIds.Contains(r.Id))
            .Select(r => new { r.Id, r.ContactId, r.Points }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var lotPoints = storedLots.ToDictionary(l => l.Id, l => l.Points);
        var entryPoints = storedEntries.ToDictionary(e => e.Id, e => e.Points);
        member ??= storedLots.Select(l => (ContactId?)l.ContactId).FirstOrDefault();
        foreach (var allocation in changes.Allocations)
        {
            var lotKnown = newLots.ContainsKey(allocation.LotId) || storedLots.Any(l => l.Id == allocation.LotId && l.ContactId == member);
            var entryKnown = newEntries.ContainsKey(allocation.EntryId) || storedEntries.Any(e => e.Id == allocation.EntryId && e.ContactId == member);
            if (!lotKnown || !entryKnown)
            {
                throw new ArgumentException($"The allocation of lot '{allocation.LotId}' to entry '{allocation.EntryId}' names a lot or entry that is not the member's.", ChangeSetPlan.ParameterName);
            }
        }

        // 4. Append the rows and the events.
        foreach (var entry in changes.Entries)
        {
            db.Add(ToRow(entry));
        }

        foreach (var lot in changes.LotsCreated)
        {
            db.Add(new LoyaltyLotRow
            {
                TenantId = tenantId, Id = lot.Id, ContactId = lot.ContactId, Points = lot.Points,
                CreditedAt = lot.CreditedAt, AvailableAt = lot.AvailableAt, ExpiresAt = lot.ExpiresAt,
            });
        }

        foreach (var allocation in changes.Allocations)
        {
            db.Add(new LoyaltyAllocationRow { TenantId = tenantId, ContactId = member!.Value, LotId = allocation.LotId, EntryId = allocation.EntryId, Points = allocation.Points });
        }

        await ApplyTiersAsync(db, tenantId, member, changes, cancellationToken).ConfigureAwait(false);
        await ApplyBadgesAsync(db, tenantId, member, changes, cancellationToken).ConfigureAwait(false);
        db.AddRange(outbox);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // 5. No lot overdrawn or over-restored, no debit settled beyond what it owes: summed in the same transaction.
        if (lotIds.Count > 0)
        {
            // Filtered by member too (lots are one member's, checked in 3): the (tenant, member, lot) index then bounds the
            // sum by the member's allocations instead of the tenant's.
            var owner = member!.Value;
            var lotSums = await Allocations(db, tenantId).Where(r => r.ContactId == owner && lotIds.Contains(r.LotId)).GroupBy(r => r.LotId)
                .Select(g => new { g.Key, Sum = g.Sum(r => r.Points) }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var sum in lotSums)
            {
                var points = newLots.TryGetValue(sum.Key, out var p) ? p : lotPoints[sum.Key];
                if (sum.Sum < 0 || sum.Sum > points)
                {
                    throw new ConcurrencyConflictException("points lot", sum.Key.ToString());
                }
            }

            var entrySums = await Allocations(db, tenantId).Where(r => entryIds.Contains(r.EntryId)).GroupBy(r => r.EntryId)
                .Select(g => new { g.Key, Sum = g.Sum(r => r.Points) }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var sum in entrySums)
            {
                var points = newEntries.TryGetValue(sum.Key, out var p) ? p : entryPoints[sum.Key];
                if (points < 0 && sum.Sum > -points)
                {
                    throw new ConcurrencyConflictException("points lot", sum.Key.ToString());
                }
            }
        }
    }

    private static async Task<List<LotBalance>> LotBalancesAsync(TContext db, TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var lots = await db.Set<LoyaltyLotRow>().AsNoTracking().Where(r => r.TenantId == tenantId && r.ContactId == contactId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var allocated = (await Allocations(db, tenantId).Where(r => r.ContactId == contactId)
            .GroupBy(r => r.LotId).Select(g => new { g.Key, Sum = g.Sum(r => r.Points) }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(a => a.Key, a => a.Sum);
        var flags = await Entries(db, tenantId)
            .Where(r => r.ContactId == contactId && r.LotId != null && (r.Kind == LedgerEntryKind.Activate || r.Kind == LedgerEntryKind.Expire))
            .Select(r => new { r.LotId, r.Kind }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var activated = flags.Where(f => f.Kind == LedgerEntryKind.Activate).Select(f => f.LotId!.Value).ToHashSet();
        var expired = flags.Where(f => f.Kind == LedgerEntryKind.Expire).Select(f => f.LotId!.Value).ToHashSet();
        return [.. lots.OrderBy(l => l.CreditedAt).ThenBy(l => l.Id).Select(l =>
        {
            var lot = new PointsLot(l.Id, l.ContactId, l.Points, l.CreditedAt, l.AvailableAt, l.ExpiresAt);
            return new LotBalance(lot, l.Points - allocated.GetValueOrDefault(l.Id), !lot.IsHeld || activated.Contains(l.Id), expired.Contains(l.Id));
        })];
    }

    private static IQueryable<LoyaltyEntryRow> Entries(TContext db, TenantId tenantId) => db.Set<LoyaltyEntryRow>().AsNoTracking().Where(r => r.TenantId == tenantId);

    private static IQueryable<LoyaltyAllocationRow> Allocations(TContext db, TenantId tenantId) => db.Set<LoyaltyAllocationRow>().AsNoTracking().Where(r => r.TenantId == tenantId);

    private static LoyaltyEntryRow ToRow(LedgerEntry entry) => new()
    {
        TenantId = entry.TenantId, Id = entry.Id, ContactId = entry.ContactId, Kind = entry.Kind, Points = entry.Points, RecordedAt = entry.RecordedAt,
        IdempotencyKey = entry.IdempotencyKey, ReversesEntryId = entry.ReversesEntryId, LotId = entry.LotId, RewardId = entry.RewardId,
        Reason = entry.Reason, WrittenOff = entry.WrittenOff, Snapshot = SnapshotDocument.Serialize(entry.Snapshot),
    };

    private static LedgerEntry ToEntry(LoyaltyEntryRow row) => new(row.TenantId, row.Id, row.ContactId, row.Kind, row.Points, row.RecordedAt, row.IdempotencyKey)
    {
        Snapshot = SnapshotDocument.Deserialize(row.Snapshot),
        ReversesEntryId = row.ReversesEntryId,
        LotId = row.LotId,
        RewardId = row.RewardId,
        Reason = row.Reason,
        WrittenOff = row.WrittenOff,
    };
}
