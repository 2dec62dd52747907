using Crm.Contacts;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Storage;

public sealed partial class EfContactStore<TContext> : IContactBulkInsert
{
    /// <summary>The tables a bulk insert writes, parents first (the child tables' foreign keys name the contact).</summary>
    private static readonly Type[] BulkTables =
    [
        typeof(ContactRow), typeof(ContactEmailRow), typeof(ContactPhoneRow), typeof(ContactTagRow), typeof(ContactAttributeRow),
        typeof(ContactLifecycleRow), typeof(DuplicateKeyRow), typeof(DuplicateClaimRow), typeof(IdempotencyKeyRow), typeof(OutboxRow),
    ];

    /// <inheritdoc />
    /// <remarks>
    /// In one transaction (the host's, inside a savepoint, or its own), without the change tracker: one query per
    /// 1,000 ids looks for an existing id, idempotency key or claim (so a conflict names the contact that collided), each
    /// claim is checked against the active contacts' duplicate keys as in <see cref="SaveAsync"/>, then every table is
    /// written in one go — PostgreSQL's binary <c>COPY</c> through Npgsql, elsewhere one prepared <c>INSERT</c>
    /// re-executed with new parameter values. A unique constraint that still refuses a row (a parallel writer got there
    /// between the check and the write) rolls everything back and is reported the same way.
    /// </remarks>
    public async ValueTask BulkInsertAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (!changes.IsCreateOnly)
        {
            throw new ArgumentException($"A bulk insert only creates contacts (with their duplicate key claims, idempotency keys and events); this change set holds more: {changes}.", nameof(changes));
        }

        var plan = ChangeSetPlan.Create(tenantId, changes, _events);
        var created = changes.Created.Select(c => c.Id).ToHashSet();
        foreach (var key in changes.IdempotencyKeys)
        {
            if (!created.Contains(key.ContactId))
            {
                throw new ArgumentException($"A bulk insert's idempotency key names contact '{key.ContactId}', which the change set does not create.", nameof(changes));
            }
        }

        if (plan.IsEmpty)
        {
            return;
        }

        try
        {
            await WriteAsync(db, ct => BulkApplyAsync(db, tenantId, plan, ct), ConflictFrom, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException unnamed) when (unnamed.Entity == "change set")
        {
            // A unique constraint refused a row written in parallel; that writer has committed, so the check now names it.
            throw await FindCollisionAsync(db, tenantId, changes, cancellationToken).ConfigureAwait(false) ?? unnamed;
        }
    }

    private static async Task BulkApplyAsync(TContext db, TenantId tenantId, ChangeSetPlan plan, CancellationToken cancellationToken)
    {
        var changes = plan.Changes;
        if (await FindCollisionAsync(db, tenantId, changes, cancellationToken).ConfigureAwait(false) is { } collision)
        {
            throw collision;
        }

        var rows = BulkTables.ToDictionary(t => t, _ => new List<object>());
        foreach (var contact in changes.Created)
        {
            rows[typeof(ContactRow)].Add(ContactRows.ToRow(contact));
            foreach (var child in ContactRows.Children(contact))
            {
                rows[child.GetType()].Add(child);
            }
        }

        foreach (var claim in changes.DuplicateKeyClaims)
        {
            rows[typeof(DuplicateClaimRow)].Add(await CheckClaimAsync(db, tenantId, claim, cancellationToken).ConfigureAwait(false));
        }

        rows[typeof(IdempotencyKeyRow)].AddRange(changes.IdempotencyKeys.Select(k => new IdempotencyKeyRow { TenantId = tenantId, Key = k.Key, ContactId = k.ContactId, RecordedAt = k.RecordedAt }));
        rows[typeof(OutboxRow)].AddRange(plan.OutboxRows);
        foreach (var table in BulkTables)
        {
            await BulkRowWriter.WriteAsync(db, table, rows[table], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The conflict a created id, idempotency key or claimed combination already stored would cause, naming the created contact; or <see langword="null"/>.</summary>
    private static async Task<ConcurrencyConflictException?> FindCollisionAsync(TContext db, TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        foreach (var chunk in changes.Created.Select(c => c.Id).Chunk(1000))
        {
            var taken = await db.Set<ContactRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && chunk.Contains(r.Id))
                .Select(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (!taken.IsEmpty)
            {
                return new ConcurrencyConflictException("contact", taken.ToString());
            }
        }

        foreach (var chunk in changes.IdempotencyKeys.Chunk(1000))
        {
            var keys = chunk.Select(k => k.Key).ToArray();
            var taken = await db.Set<IdempotencyKeyRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && keys.Contains(r.Key))
                .Select(r => r.Key)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                return new ConcurrencyConflictException("idempotency key", chunk.First(k => k.Key == taken).ContactId.ToString());
            }
        }

        foreach (var chunk in changes.DuplicateKeyClaims.Chunk(1000))
        {
            var hashes = chunk.Select(Hash).ToArray();
            var taken = await db.Set<DuplicateClaimRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && hashes.Contains(r.Hash))
                .Select(r => r.Hash)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                return new ConcurrencyConflictException("duplicate key", chunk[Array.IndexOf(hashes, taken)].ContactId.ToString());
            }
        }

        return null;
    }
}
