using System.Data;
using Crm.Contacts;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Crm.Events;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>
/// The contacts stores on EF Core: contacts, referrals and referral requests, the duplicate index, merge history,
/// idempotency keys and the transactional outbox, over any <see cref="DbContext"/> whose model applies
/// <see cref="CrmModelBuilderExtensions.ApplyCrmContacts"/> (or <see cref="CrmDbContext"/>). Scoped, like the context.
/// </summary>
/// <remarks>
/// <para><see cref="SaveAsync"/> applies a change set in one transaction — the host's, when one is open on the context
/// (inside a savepoint), or its own. Every guard is enforced by the database: stamps are concurrency tokens
/// (<c>UPDATE … WHERE stamp = @expected</c>), version counters advance with <c>UPDATE … SET version = version + 1 WHERE
/// version = @expected</c>, and unique constraints refuse a second contact with one id, a reused idempotency key and a
/// second referrer of one referee. Each of these, and a serialization failure or deadlock, surfaces as
/// <see cref="ConcurrencyConflictException"/> with nothing written; the events go to <c>crm_outbox</c> in the same transaction.</para>
/// <para>The store saves through <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>, so changes the host tracks on
/// the same context are saved with the change set; it detaches its own rows afterwards and reads without tracking.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context (or <see cref="CrmDbContext"/>).</typeparam>
public sealed partial class EfContactStore<TContext> : IContactStore
    where TContext : DbContext
{
    private const string SavepointName = "crm_change_set";

    private readonly TContext? _context;
    private readonly IDbContextFactory<TContext>? _factory;
    private readonly CrmEventSerializer _events;

    /// <summary>Creates a scoped store over <paramref name="context"/>: its writes join the transaction open on the context; <paramref name="events"/> turns events into outbox rows and back.</summary>
    /// <remarks>Like the context, the store is not thread-safe: use one per scope (request, job, dispatch).</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EfContactStore(TContext context, CrmEventSerializer events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        _context = context;
        _events = events;
    }

    /// <summary>Creates a thread-safe store that opens a new context from <paramref name="factory"/> for every call (usable as a singleton; it joins no host transaction).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EfContactStore(IDbContextFactory<TContext> factory, CrmEventSerializer events)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(events);
        _factory = factory;
        _events = events;
    }

    private static bool IsSqlite(TContext db) => db.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;

    private ContextLease Open() => _context is not null ? new(_context, false) : new(_factory!.CreateDbContext(), true);

    /// <inheritdoc />
    public async ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        var document = await db.Set<ContactRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Id == contactId)
            .Select(r => r.Document)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : ContactRows.FromDocument(document);
    }

    /// <inheritdoc />
    public async ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        ContactId? after = null;
        if (page.Cursor is not null)
        {
            after = ContactId.TryParse(page.Cursor, out var id)
                ? id
                : throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
        }

        var size = page.Size == 0 ? PageRequest.DefaultPageSize : page.Size;
        var rows = after is { } a
            ? db.Set<ContactRow>().FromSqlRaw(
                "SELECT * FROM crm_contacts WHERE tenant_id = {0} AND id > {1} ORDER BY id LIMIT {2}", tenantId.Value, a.Value, size + 1)
            : db.Set<ContactRow>().FromSqlRaw(
                "SELECT * FROM crm_contacts WHERE tenant_id = {0} ORDER BY id LIMIT {1}", tenantId.Value, size + 1);
        var documents = await rows.AsNoTracking().Select(r => r.Document).ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = documents.Take(size).Select(ContactRows.FromDocument).ToList();
        return new Page<Contact>(items, documents.Count > size ? items[^1].Id.ToString() : null);
    }

    /// <inheritdoc />
    public async ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(key);
        var row = await db.Set<IdempotencyKeyRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Key == key)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row?.ContactId;
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var plan = ChangeSetPlan.Create(tenantId, changes, _events);
        if (plan.IsEmpty)
        {
            return;
        }

        await WriteAsync(db, ct => ApplyAsync(db, tenantId, plan, ct), ConflictFrom, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in the context's open transaction (inside a savepoint) or in a new one; maps conflicts with <paramref name="conflict"/>; detaches what it tracked.</summary>
    /// <remarks>Shared with the interactions store, so both write the same way.</remarks>
    internal static async Task WriteAsync(TContext db, Func<CancellationToken, Task> work, Func<Exception, ConcurrencyConflictException> conflict, CancellationToken cancellationToken)
    {
        var database = db.Database;

        // The host's own pending changes are detected once; the store's rows carry explicit states, so the change
        // tracker does not scan thousands of them again on every Add and on SaveChanges.
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (database.CurrentTransaction is { } ambient)
            {
                await ambient.CreateSavepointAsync(SavepointName, cancellationToken).ConfigureAwait(false);
                try
                {
                    await work(cancellationToken).ConfigureAwait(false);
                    await ambient.ReleaseSavepointAsync(SavepointName, CancellationToken.None).ConfigureAwait(false);
                }
                catch
                {
                    await ambient.RollbackToSavepointAsync(SavepointName, CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
            }
            else if (System.Transactions.Transaction.Current is not null)
            {
                await InAmbientTransactionAsync(db, work, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var transaction = await database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await work(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not ConcurrencyConflictException && DatabaseErrors.IsConflict(ex))
        {
            throw conflict(ex);
        }
        finally
        {
            DetachCrmRows(db);
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside the host's ambient <see cref="System.Transactions.TransactionScope"/>: on a
    /// connection that enlists in it (Npgsql, unless <c>Enlist=false</c>), inside a savepoint, committed or rolled back
    /// with the scope; anywhere else it refuses, since the change set would commit on its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider's connection does not enlist in ambient transactions.</exception>
    private static async Task InAmbientTransactionAsync(TContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var database = db.Database;
        if (database.GetDbConnection() is not Npgsql.NpgsqlConnection npgsql || !new Npgsql.NpgsqlConnectionStringBuilder(npgsql.ConnectionString).Enlist)
        {
            throw new InvalidOperationException(
                $"An ambient System.Transactions.TransactionScope is open, but connections of {database.ProviderName} do not enlist in it (Npgsql does unless Enlist=false), "
                + "so the change set would commit on its own, whatever the scope decides. Nothing was written. Open a transaction on the context instead "
                + "(context.Database.BeginTransaction(): the store joins it), or call the store outside the scope (TransactionScopeOption.Suppress).");
        }

        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await database.ExecuteSqlRawAsync("SAVEPOINT " + SavepointName, cancellationToken).ConfigureAwait(false);
            try
            {
                await work(cancellationToken).ConfigureAwait(false);
                await database.ExecuteSqlRawAsync("RELEASE SAVEPOINT " + SavepointName, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                await database.ExecuteSqlRawAsync("ROLLBACK TO SAVEPOINT " + SavepointName, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    internal static ConcurrencyConflictException ConflictFrom(Exception exception)
    {
        var entries = (exception as DbUpdateException)?.Entries;

        // EF names every row of the failed batch; the database names the table whose constraint refused one.
        var table = DatabaseErrors.ConstraintTable(exception);
        var entry = entries?.FirstOrDefault(e => table is not null && e.Metadata.GetTableName() == table)?.Entity
            ?? (entries is { Count: > 0 } ? entries[0].Entity : null);
        return entry switch
        {
            ContactRow row => new ConcurrencyConflictException("contact", row.Id.ToString()),
            ReferralRow row => new ConcurrencyConflictException("referral", row.RefereeId.ToString()),
            ReferralRequestRow row => new ConcurrencyConflictException("referral request", row.Id.ToString()),
            IdempotencyKeyRow row => new ConcurrencyConflictException("idempotency key", row.ContactId.ToString()),
            DuplicateClaimRow row => new ConcurrencyConflictException("duplicate key", row.ContactId.ToString()),
            OutboxRow row => new ConcurrencyConflictException("event", row.EventId.ToString()),
            Loyalty.LoyaltyEntryRow row => new ConcurrencyConflictException("idempotency key", row.IdempotencyKey),
            Loyalty.LoyaltyTierChangeRow row => new ConcurrencyConflictException("tier change", row.IdempotencyKey),
            _ => new ConcurrencyConflictException("change set", "database"),
        };
    }

    private static void DetachCrmRows(TContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity.GetType().Namespace is { } ns && (ns == typeof(ContactRow).Namespace || ns == typeof(Interactions.InteractionRow).Namespace || ns == typeof(Loyalty.LoyaltyEntryRow).Namespace))
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    private static async Task ApplyAsync(TContext db, TenantId tenantId, ChangeSetPlan plan, CancellationToken cancellationToken)
    {
        // 1. Version counters (in name order, so two writers lock them in the same order).
        foreach (var check in plan.VersionChecks.OrderBy(c => c.Counter, StringComparer.Ordinal))
        {
            await AdvanceCounterAsync(db, tenantId, check, cancellationToken).ConfigureAwait(false);
        }

        // 2. Read guards: the stamp must still be the one read; the no-op update also locks the row until commit.
        foreach (var guard in plan.ReadGuards.OrderBy(g => g.ContactId))
        {
            var (id, stamp) = guard;
            var touched = await db.Set<ContactRow>()
                .Where(r => r.TenantId == tenantId && r.Id == id && r.Stamp == stamp)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stamp, r => r.Stamp), cancellationToken).ConfigureAwait(false);
            if (touched != 1)
            {
                throw new ConcurrencyConflictException("contact", id.ToString());
            }
        }

        var changes = plan.Changes;

        // 3. Contacts: inserts (the primary key refuses an existing id), updates guarded by the stamp (concurrency token).
        var created = new HashSet<ContactId>();
        foreach (var contact in changes.Created)
        {
            created.Add(contact.Id);
            db.Add(ContactRows.ToRow(contact));
            db.AddRange(ContactRows.Children(contact));
        }

        foreach (var update in changes.Updated)
        {
            var contact = update.Contact;
            if (contact.ConcurrencyStamp == update.ExpectedStamp)
            {
                throw new ConcurrencyConflictException("contact", contact.Id.ToString());
            }

            await DeleteChildrenAsync(db, tenantId, contact.Id, cancellationToken).ConfigureAwait(false);
            await ReleaseClaimsNoLongerHeldAsync(db, tenantId, contact, cancellationToken).ConfigureAwait(false);
            var entry = db.Attach(ContactRows.ToRow(contact));
            entry.State = EntityState.Modified;
            entry.Property(r => r.Stamp).OriginalValue = update.ExpectedStamp;
            db.AddRange(ContactRows.Children(contact));
        }

        // 3b. Duplicate key claims of created contacts: refused when an active contact holds every key, and made unique
        //     per tenant, so two parallel creates of one person cannot both commit.
        foreach (var claim in changes.DuplicateKeyClaims)
        {
            await ClaimDuplicateKeysAsync(db, tenantId, claim, cancellationToken).ConfigureAwait(false);
        }

        // 4. Referral edges: removals must exist; an added referee must have no referrer (also a unique index).
        var removed = new HashSet<ContactId>();
        foreach (var referral in changes.ReferralsRemoved)
        {
            var (referee, referrer) = (referral.RefereeId, referral.ReferrerId);
            var deleted = await db.Set<ReferralRow>()
                .Where(r => r.TenantId == tenantId && r.RefereeId == referee && r.ReferrerId == referrer)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (deleted != 1 || !removed.Add(referee))
            {
                throw new ArgumentException($"The referral of '{referee}' by '{referrer}' to remove does not exist.", ChangeSetPlan.ParameterName);
            }
        }

        if (changes.ReferralsAdded.Count > 0)
        {
            var added = changes.ReferralsAdded.Select(r => r.RefereeId).ToList();
            foreach (var chunk in added.Chunk(500))
            {
                var taken = await db.Set<ReferralRow>()
                    .Where(r => r.TenantId == tenantId && chunk.Contains(r.RefereeId))
                    .Select(r => r.RefereeId)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (!taken.IsEmpty)
                {
                    throw new ConcurrencyConflictException("referral", taken.ToString());
                }
            }

            foreach (var referral in changes.ReferralsAdded)
            {
                db.Add(new ReferralRow
                {
                    TenantId = tenantId, RefereeId = referral.RefereeId, ReferrerId = referral.ReferrerId, ReferredAt = referral.ReferredAt, RequestId = referral.RequestId,
                });
            }
        }

        // 5. Referral requests.
        foreach (var request in changes.ReferralRequestsCreated)
        {
            db.Add(ReferralRows.ToRow(tenantId, request));
        }

        foreach (var update in changes.ReferralRequestsUpdated)
        {
            if (update.Request.ConcurrencyStamp == update.ExpectedStamp)
            {
                throw new ConcurrencyConflictException("referral request", update.Request.Id.ToString());
            }

            var entry = db.Attach(ReferralRows.ToRow(tenantId, update.Request));
            entry.State = EntityState.Modified;
            entry.Property(r => r.Stamp).OriginalValue = update.ExpectedStamp;
        }

        // 6. Idempotency keys (primary key on tenant + key) and merge records; both must name existing contacts.
        foreach (var key in changes.IdempotencyKeys)
        {
            await RequireContactAsync(db, tenantId, key.ContactId, created, "An idempotency key", cancellationToken).ConfigureAwait(false);
            var text = key.Key;
            if (await db.Set<IdempotencyKeyRow>().AnyAsync(r => r.TenantId == tenantId && r.Key == text, cancellationToken).ConfigureAwait(false))
            {
                throw new ConcurrencyConflictException("idempotency key", key.ContactId.ToString());
            }

            db.Add(new IdempotencyKeyRow { TenantId = tenantId, Key = key.Key, ContactId = key.ContactId, RecordedAt = key.RecordedAt });
        }

        foreach (var record in changes.MergesRecorded)
        {
            var merge = new MergeRow
            {
                TenantId = tenantId, SurvivorId = record.SurvivorId, MergedAt = record.MergedAt,
                FormatVersion = MergeDocument.CurrentFormatVersion, Document = MergeDocument.Serialize(record),
            };
            db.Add(merge);
            foreach (var id in record.AbsorbedIds.Prepend(record.SurvivorId))
            {
                await RequireContactAsync(db, tenantId, id, created, "A merge record", cancellationToken).ConfigureAwait(false);
                db.Add(new MergeMemberRow { TenantId = tenantId, ContactId = id, Merge = merge });
            }
        }

        // 7. The events, into the outbox of the same transaction.
        db.AddRange(plan.OutboxRows);

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // 8. The graph stays acyclic: one recursive query loads every ancestor edge of the new referees, and a walk
        //    that remembers the nodes known to reach a root checks them in O(n).
        if (changes.ReferralsAdded.Count > 0 && await FindCycleAsync(db, tenantId, changes.ReferralsAdded, cancellationToken).ConfigureAwait(false) is { } looped)
        {
            throw new ConcurrencyConflictException("referral", looped.ToString());
        }
    }

    internal static async Task AdvanceCounterAsync(TContext db, TenantId tenantId, VersionCheck check, CancellationToken cancellationToken)
    {
        if (check.ExpectedVersion == 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO crm_version_counters (tenant_id, name, version) VALUES ({0}, {1}, 0) ON CONFLICT DO NOTHING",
                [tenantId.Value, check.Counter],
                cancellationToken).ConfigureAwait(false);
        }

        var touched = await db.Database.ExecuteSqlRawAsync(
            "UPDATE crm_version_counters SET version = version + {0} WHERE tenant_id = {1} AND name = {2} AND version = {3}",
            [check.Advance ? 1L : 0L, tenantId.Value, check.Counter, check.ExpectedVersion],
            cancellationToken).ConfigureAwait(false);
        if (touched != 1)
        {
            throw new ConcurrencyConflictException("version counter", check.Counter);
        }
    }

    private static async Task RequireContactAsync(TContext db, TenantId tenantId, ContactId id, HashSet<ContactId> created, string what, CancellationToken cancellationToken)
    {
        if (!created.Contains(id)
            && !await db.Set<ContactRow>().AnyAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException($"{what} names contact '{id}', which the change set neither creates nor finds.", ChangeSetPlan.ParameterName);
        }
    }

    private static async Task DeleteChildrenAsync(TContext db, TenantId tenantId, ContactId id, CancellationToken cancellationToken)
    {
        await db.Set<ContactEmailRow>().Where(r => r.TenantId == tenantId && r.ContactId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<ContactPhoneRow>().Where(r => r.TenantId == tenantId && r.ContactId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<ContactTagRow>().Where(r => r.TenantId == tenantId && r.ContactId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<ContactAttributeRow>().Where(r => r.TenantId == tenantId && r.ContactId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<ContactLifecycleRow>().Where(r => r.TenantId == tenantId && r.ContactId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<DuplicateKeyRow>().Where(r => r.TenantId == tenantId && r.ContactId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="read"/> at one snapshot: in the open transaction, or in a read-only one of its own.</summary>
    internal static async Task<T> ReadConsistentAsync<T>(TContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null)
        {
            // Inside the host's transaction (or its ambient scope, whose isolation the host chose).
            return await read(cancellationToken).ConfigureAwait(false);
        }

        // SQLite: a deferred transaction (ReadUncommitted maps to BEGIN DEFERRED) reads one snapshot without taking the write lock.
        var isolation = IsSqlite(db) ? IsolationLevel.ReadUncommitted : IsolationLevel.RepeatableRead;
        var transaction = await db.Database.BeginTransactionAsync(isolation, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var result = await read(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>The context a call works on: the scoped one (kept open), or a new one from the factory (disposed after the call).</summary>
    private sealed class ContextLease(TContext db, bool owned) : IAsyncDisposable
    {
        public TContext Db { get; } = db;

        public ValueTask DisposeAsync() => owned ? Db.DisposeAsync() : ValueTask.CompletedTask;
    }
}
