using System.Globalization;
using System.Text;
using Crm.EntityFrameworkCore.Entities;
using Crm.EntityFrameworkCore.Storage;
using Crm.Events;
using Crm.Interactions;
using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Outbox;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Interactions;

/// <summary>
/// The interactions store on EF Core over any <see cref="DbContext"/> whose model applies
/// <see cref="CrmModelBuilderExtensions.ApplyCrmContacts"/> and <see cref="CrmModelBuilderExtensions.ApplyCrmInteractions"/>
/// (as <see cref="CrmDbContext"/> does). Scoped, like the context.
/// </summary>
/// <remarks>
/// <para><see cref="SaveAsync"/> applies a change set in one transaction (the host's, inside a savepoint, or its own), with
/// every guard enforced by the database: stamps are concurrency tokens, a version check advances its counter with a conditional
/// <c>UPDATE … WHERE version = @expected</c> on <c>crm_version_counters</c>, and unique keys refuse a reused idempotency key
/// or tracking code. A failed guard is a <see cref="ConcurrencyConflictException"/> naming it, with nothing written; the
/// events go to <c>crm_outbox</c> in the same transaction, which this store shares (claims, counters) with the contacts store.</para>
/// <para><see cref="NextAsync"/> draws a case number (or any sequence) in one upsert on <c>crm_version_counters</c>
/// (<c>INSERT … ON CONFLICT … DO UPDATE SET version = version + 1 RETURNING version</c>, SQLite 3.35+ and PostgreSQL), so
/// concurrent opens queue on the row for one statement instead of retrying their saves.</para>
/// <para>Pages are keyset queries on the indexes, e.g. the timeline reads <c>(tenant_id, contact_id, occurred_at desc, id desc)</c>
/// after the cursor's (instant, id): a page costs the same at the end of a long history as at its start.</para>
/// </remarks>
/// <typeparam name="TContext">The host's context (or <see cref="CrmDbContext"/>).</typeparam>
public sealed partial class EfInteractionStore<TContext> : IInteractionStore, IVersionCounterStore, ISequenceStore, ISharedOutboxStore
    where TContext : DbContext
{
    private readonly ContextSource<TContext> _db;
    private readonly CrmEventSerializer _events;
    private readonly EfContactStore<TContext> _shared;

    /// <summary>Creates a scoped store over <paramref name="context"/> (its writes join the transaction open on the context); <paramref name="events"/> turns events into outbox rows and back.</summary>
    /// <remarks>Like the context, the store is not thread-safe: use one per scope.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EfInteractionStore(TContext context, CrmEventSerializer events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        _db = new ContextSource<TContext>(context);
        _events = events;
        _shared = new EfContactStore<TContext>(context, events);
    }

    /// <summary>Creates a thread-safe store that opens a new context from <paramref name="factory"/> for every call (usable as a singleton; it joins no host transaction).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EfInteractionStore(IDbContextFactory<TContext> factory, CrmEventSerializer events)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(events);
        _db = new ContextSource<TContext>(factory);
        _events = events;
        _shared = new EfContactStore<TContext>(factory, events);
    }

    /// <inheritdoc />
    public async ValueTask<Interaction?> FindInteractionAsync(TenantId tenantId, InteractionId interactionId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var id = interactionId.Value;
        var row = await _db.UseAsync(db => db.Set<InteractionRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken)).ConfigureAwait(false);
        return row is null ? null : InteractionDocuments.FromRow(row);
    }

    /// <inheritdoc />
    public async ValueTask<Page<Interaction>> GetTimelineAsync(TenantId tenantId, ContactId contactId, TimelineFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder("SELECT * FROM crm_interactions WHERE tenant_id = {0} AND contact_id = {1}");
        var args = new List<object> { tenantId.Value, contactId.Value };
        if (filter.From is { } from)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND occurred_at >= {{{args.Count}}}");
            args.Add(from.ToUnixTimeTicks());
        }

        if (filter.To is { } to)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND occurred_at < {{{args.Count}}}");
            args.Add(to.ToUnixTimeTicks());
        }

        AppendIn(sql, args, "kind", filter.Kinds.Select(static k => k.ToString()));
        AppendIn(sql, args, "channel", filter.Channels.Select(static c => c.ToString()));
        var rows = await PageAsync<InteractionRow>(sql, args, "occurred_at", descending: true, page, cancellationToken).ConfigureAwait(false);
        return Paged(rows, page, InteractionDocuments.FromRow, static r => new Cursor(r.OccurredAt, r.Id));
    }

    /// <inheritdoc />
    public async ValueTask<InteractionId?> FindInteractionIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(key);
        var row = await _db.UseAsync(db => db.Set<InteractionKeyRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Key == key, cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new InteractionId(row.InteractionId);
    }

    /// <inheritdoc />
    public async ValueTask<Purchase?> FindPurchaseAsync(TenantId tenantId, PurchaseId purchaseId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var id = purchaseId.Value;
        var row = await _db.UseAsync(db => db.Set<PurchaseRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken)).ConfigureAwait(false);
        return row is null ? null : InteractionDocuments.FromRow(row);
    }

    /// <inheritdoc />
    public ValueTask<Page<Purchase>> ListPurchasesAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        => ListAsync<PurchaseRow, Purchase>("crm_purchases", tenantId, null, "occurred_at", false, page, InteractionDocuments.FromRow, static r => new Cursor(r.OccurredAt, r.Id), cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Purchase>> ListPurchasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => ListAsync<PurchaseRow, Purchase>("crm_purchases", tenantId, contactId, "occurred_at", false, page, InteractionDocuments.FromRow, static r => new Cursor(r.OccurredAt, r.Id), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<Contract?> FindContractAsync(TenantId tenantId, ContractId contractId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var id = contractId.Value;
        var row = await _db.UseAsync(db => db.Set<ContractRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken)).ConfigureAwait(false);
        return row is null ? null : InteractionDocuments.FromRow(row);
    }

    /// <inheritdoc />
    public ValueTask<Page<Contract>> ListContractsAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        => ListAsync<ContractRow, Contract>("crm_contracts", tenantId, null, "start_at", false, page, InteractionDocuments.FromRow, static r => new Cursor(r.Start, r.Id), cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Contract>> ListContractsByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => ListAsync<ContractRow, Contract>("crm_contracts", tenantId, contactId, "start_at", false, page, InteractionDocuments.FromRow, static r => new Cursor(r.Start, r.Id), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<SupportCase?> FindCaseAsync(TenantId tenantId, CaseId caseId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var id = caseId.Value;
        var row = await _db.UseAsync(db => db.Set<CaseRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken)).ConfigureAwait(false);
        return row is null ? null : InteractionDocuments.FromRow(row);
    }

    /// <inheritdoc />
    public async ValueTask<SupportCase?> FindCaseByTrackingCodeAsync(TenantId tenantId, string trackingCode, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(trackingCode);
        var row = await _db.UseAsync(db => db.Set<CaseRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.TrackingCode == trackingCode, cancellationToken)).ConfigureAwait(false);
        return row is null ? null : InteractionDocuments.FromRow(row);
    }

    /// <inheritdoc />
    public ValueTask<Page<SupportCase>> ListCasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => ListAsync<CaseRow, SupportCase>("crm_cases", tenantId, contactId, "opened_at", true, page, InteractionDocuments.FromRow, static r => new Cursor(r.OpenedAt, r.Id), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<Page<SupportCase>> ListCasesAwaitingSlaCheckAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var after = page.Cursor is null ? (Guid?)null : Cursor.Parse(page.Cursor, nameof(page)).Id;
        var rows = await _db.UseAsync(db => after is { } a
            ? db.Set<CaseRow>().FromSqlRaw("SELECT * FROM crm_cases WHERE tenant_id = {0} AND awaits_sla_check = {1} AND id > {2} ORDER BY id LIMIT {3}", tenantId.Value, true, a, page.Size + 1)
                .AsNoTracking().ToListAsync(cancellationToken)
            : db.Set<CaseRow>().FromSqlRaw("SELECT * FROM crm_cases WHERE tenant_id = {0} AND awaits_sla_check = {1} ORDER BY id LIMIT {2}", tenantId.Value, true, page.Size + 1)
                .AsNoTracking().ToListAsync(cancellationToken)).ConfigureAwait(false);
        return Paged(rows, page, InteractionDocuments.FromRow, static r => new Cursor(Instant.MinValue, r.Id));
    }

    /// <inheritdoc />
    public async ValueTask<FeedbackResponse?> FindFeedbackAsync(TenantId tenantId, FeedbackId feedbackId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var id = feedbackId.Value;
        var row = await _db.UseAsync(db => db.Set<FeedbackRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken)).ConfigureAwait(false);
        return row is null ? null : InteractionDocuments.FromRow(row);
    }

    /// <inheritdoc />
    public ValueTask<Page<FeedbackResponse>> ListFeedbackByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => ListAsync<FeedbackRow, FeedbackResponse>("crm_feedback", tenantId, contactId, "responded_at", true, page, InteractionDocuments.FromRow, static r => new Cursor(r.RespondedAt, r.Id), cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => _shared.GetVersionAsync(tenantId, counter, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Runs in the transaction open on the context (the host's), otherwise as its own one-statement transaction, so the counter row stays locked only for the statement.</remarks>
    public async ValueTask<long> NextAsync(TenantId tenantId, string sequence, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        VersionCheck.ValidateName(sequence, nameof(sequence));
        cancellationToken.ThrowIfCancellationRequested();
        var drawn = await _db.UseAsync(db => db.Database.SqlQueryRaw<long>(
                "INSERT INTO crm_version_counters (tenant_id, name, version) VALUES ({0}, {1}, 1) "
                + "ON CONFLICT (tenant_id, name) DO UPDATE SET version = crm_version_counters.version + 1 RETURNING version AS \"Value\"",
                tenantId.Value, sequence)
            .ToListAsync(cancellationToken)).ConfigureAwait(false);
        return drawn[0];
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(TenantId tenantId, InteractionChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return;
        }

        Check(tenantId, changes);
        var outbox = ChangeSetPlan.OutboxRowsFor(tenantId, changes.Events, _events);
        await _db.UseAsync(async db =>
        {
            await EfContactStore<TContext>.WriteAsync(db, ct => ApplyAsync(db, tenantId, changes, outbox, ct), ConflictFrom, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public object OutboxIdentity => _shared.OutboxIdentity;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken) => _shared.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken) => _shared.CompleteAsync(lease, deliveredAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken) => _shared.FailAsync(lease, error, retryAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken) => _shared.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken) => _shared.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);

    private static void Check(TenantId tenantId, InteractionChangeSet changes)
    {
        Named(tenantId, changes.InteractionsRecorded.Concat(changes.InteractionsReplaced.Select(static r => r.Record)), static r => (r.TenantId, r.Id.Value), "interaction");
        Named(tenantId, changes.PurchasesCreated.Concat(changes.PurchasesReplaced.Select(static r => r.Record)), static r => (r.TenantId, r.Id.Value), "purchase");
        Named(tenantId, changes.ContractsCreated.Concat(changes.ContractsReplaced.Select(static r => r.Record)), static r => (r.TenantId, r.Id.Value), "contract");
        Named(tenantId, changes.CasesCreated.Concat(changes.CasesReplaced.Select(static r => r.Record)), static r => (r.TenantId, r.Id.Value), "case");
        Named(tenantId, changes.FeedbackRecorded.Concat(changes.FeedbackReplaced.Select(static r => r.Record)), static r => (r.TenantId, r.Id.Value), "feedback response");
        Named(tenantId, changes.FollowUpsCreated.Concat(changes.FollowUpsReplaced.Select(static r => r.Record)), static r => (r.TenantId, r.Id.Value), "follow-up");
        var recorded = changes.InteractionsRecorded.Select(static i => i.Id).ToHashSet();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in changes.IdempotencyKeys)
        {
            if (key is null || !recorded.Contains(key.InteractionId))
            {
                throw new ArgumentException("An idempotency key must name an interaction recorded by the same change set.", nameof(changes));
            }

            if (!keys.Add(key.Key))
            {
                throw new ConcurrencyConflictException("idempotency key", key.InteractionId.ToString());
            }
        }

        if (changes.VersionChecks.Select(static c => c.Counter).Distinct(StringComparer.Ordinal).Count() != changes.VersionChecks.Count)
        {
            throw new ArgumentException("A change set names a version counter twice.", nameof(changes));
        }

        var codes = changes.CasesCreated.Select(static c => c.TrackingCode).ToList();
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            throw new ConcurrencyConflictException("tracking code", codes.GroupBy(static c => c, StringComparer.Ordinal).First(static g => g.Count() > 1).Key);
        }
    }

    private static void Named<T>(TenantId tenantId, IEnumerable<T> records, Func<T, (TenantId Tenant, Guid Id)> key, string entity)
    {
        var seen = new HashSet<Guid>();
        foreach (var record in records)
        {
            if (record is null || key(record).Tenant != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds a null {entity} or one of another tenant.", nameof(records));
            }

            if (!seen.Add(key(record).Id))
            {
                throw new ArgumentException($"A change set names the {entity} '{key(record).Id}' twice.", nameof(records));
            }
        }
    }

    private static async Task ApplyAsync(TContext db, TenantId tenantId, InteractionChangeSet changes, List<OutboxRow> outbox, CancellationToken cancellationToken)
    {
        // 1. The case sequence and other counters, in name order.
        foreach (var check in changes.VersionChecks.OrderBy(static c => c.Counter, StringComparer.Ordinal))
        {
            await EfContactStore<TContext>.AdvanceCounterAsync(db, tenantId, check, cancellationToken).ConfigureAwait(false);
        }

        // 2. Tracking codes and idempotency keys: refused when taken (also by unique keys, for a race past this check).
        //    One query each for the whole change set, however many cases or keys it holds (a bulk import's batch of 1,000).
        var codes = changes.CasesCreated.Select(static c => c.TrackingCode).ToList();
        if (codes.Count > 0 && await db.Set<CaseRow>().Where(r => r.TenantId == tenantId && codes.Contains(r.TrackingCode))
                .Select(static r => r.TrackingCode).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } takenCode)
        {
            throw new ConcurrencyConflictException("tracking code", takenCode);
        }

        var keyTexts = changes.IdempotencyKeys.Select(static k => k.Key).ToList();
        if (keyTexts.Count > 0 && await db.Set<InteractionKeyRow>().Where(r => r.TenantId == tenantId && keyTexts.Contains(r.Key))
                .Select(static r => r.Key).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } takenKey)
        {
            throw new ConcurrencyConflictException("idempotency key", changes.IdempotencyKeys.First(k => k.Key == takenKey).InteractionId.ToString());
        }

        foreach (var key in changes.IdempotencyKeys)
        {
            db.Add(new InteractionKeyRow { TenantId = tenantId, Key = key.Key, InteractionId = key.InteractionId.Value, RecordedAt = key.RecordedAt });
        }

        // 3. Records: inserts (the primary key refuses an existing id) and replacements guarded by the stamp (concurrency token).
        Write(db, changes.InteractionsRecorded, changes.InteractionsReplaced, InteractionDocuments.ToRow, static r => r.ConcurrencyStamp);
        Write(db, changes.PurchasesCreated, changes.PurchasesReplaced, InteractionDocuments.ToRow, static r => r.ConcurrencyStamp);
        Write(db, changes.ContractsCreated, changes.ContractsReplaced, InteractionDocuments.ToRow, static r => r.ConcurrencyStamp);
        Write(db, changes.CasesCreated, changes.CasesReplaced, InteractionDocuments.ToRow, static r => r.ConcurrencyStamp);
        Write(db, changes.FeedbackRecorded, changes.FeedbackReplaced, InteractionDocuments.ToRow, static r => r.ConcurrencyStamp);
        Write(db, changes.FollowUpsCreated, changes.FollowUpsReplaced, FollowUpRow.From, static r => r.ConcurrencyStamp);

        // 4. The events, into the outbox of the same transaction.
        db.AddRange(outbox);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Write<TRecord, TRow>(
        TContext db, IReadOnlyList<TRecord> created, IReadOnlyList<Replacement<TRecord>> replaced, Func<TRecord, TRow> toRow, Func<TRecord, ConcurrencyStamp> stampOf)
        where TRecord : class
        where TRow : class
    {
        foreach (var record in created)
        {
            db.Add(toRow(record));
        }

        foreach (var replacement in replaced)
        {
            if (stampOf(replacement.Record) == replacement.ExpectedStamp)
            {
                throw new ConcurrencyConflictException("record", "a replacement must carry a new stamp");
            }

            var entry = db.Attach(toRow(replacement.Record));
            entry.State = EntityState.Modified;
            entry.Property("Stamp").OriginalValue = replacement.ExpectedStamp;
        }
    }

    private static ConcurrencyConflictException ConflictFrom(Exception exception)
    {
        var entries = (exception as DbUpdateException)?.Entries;
        return (entries is { Count: > 0 } ? entries[0].Entity : null) switch
        {
            InteractionRow row => new ConcurrencyConflictException("interaction", row.Id.ToString()),
            InteractionKeyRow row => new ConcurrencyConflictException("idempotency key", row.InteractionId.ToString()),
            PurchaseRow row => new ConcurrencyConflictException("purchase", row.Id.ToString()),
            ContractRow row => new ConcurrencyConflictException("contract", row.Id.ToString()),
            CaseRow row => new ConcurrencyConflictException("case", row.Id.ToString()),
            FeedbackRow row => new ConcurrencyConflictException("feedback response", row.Id.ToString()),
            FollowUpRow row => new ConcurrencyConflictException("follow-up", row.Id.ToString()),
            OutboxRow row => new ConcurrencyConflictException("event", row.EventId.ToString()),
            _ => new ConcurrencyConflictException("change set", "database"),
        };
    }

    private async ValueTask<Page<TRecord>> ListAsync<TRow, TRecord>(
        string table, TenantId tenantId, ContactId? contactId, string timeColumn, bool descending, PageRequest page, Func<TRow, TRecord> map, Func<TRow, Cursor> cursorOf,
        CancellationToken cancellationToken)
        where TRow : class
    {
        TenantId.ThrowIfEmpty(tenantId);
        var sql = new StringBuilder("SELECT * FROM ").Append(table).Append(" WHERE tenant_id = {0}");
        var args = new List<object> { tenantId.Value };
        if (contactId is { } contact)
        {
            sql.Append(" AND contact_id = {1}");
            args.Add(contact.Value);
        }

        var rows = await PageAsync<TRow>(sql, args, timeColumn, descending, page, cancellationToken).ConfigureAwait(false);
        return Paged(rows, page, map, cursorOf);
    }

    /// <summary>Adds the keyset condition after the cursor, the order and the limit (one row more than the page, to know whether another follows), and runs the query.</summary>
    private async Task<List<TRow>> PageAsync<TRow>(StringBuilder sql, List<object> args, string timeColumn, bool descending, PageRequest page, CancellationToken cancellationToken)
        where TRow : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var comparison = descending ? "<" : ">";
        if (page.Cursor is not null)
        {
            var after = Cursor.Parse(page.Cursor, nameof(page));
            // The first, redundant bound is what the index range can start from; the OR alone is only a filter, which read every row before the cursor.
            sql.Append(CultureInfo.InvariantCulture, $" AND {timeColumn} {comparison}= {{{args.Count}}} AND ({timeColumn} {comparison} {{{args.Count}}} OR ({timeColumn} = {{{args.Count}}} AND id {comparison} {{{args.Count + 1}}}))");
            args.Add(after.At.ToUnixTimeTicks());
            args.Add(after.Id);
        }

        var direction = descending ? "DESC" : "ASC";
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {timeColumn} {direction}, id {direction} LIMIT {{{args.Count}}}");
        args.Add(page.Size + 1);
#pragma warning disable EF1002 // Table and column names are constants of this class; every value is a parameter.
        var text = sql.ToString();
        object[] values = [.. args];
        return await _db.UseAsync(db => db.Set<TRow>().FromSqlRaw(text, values).AsNoTracking().ToListAsync(cancellationToken)).ConfigureAwait(false);
#pragma warning restore EF1002
    }

    private static Page<TRecord> Paged<TRow, TRecord>(List<TRow> rows, PageRequest page, Func<TRow, TRecord> map, Func<TRow, Cursor> cursorOf)
    {
        var items = rows.Take(page.Size).Select(map).ToList();
        return new Page<TRecord>(items, rows.Count > page.Size ? cursorOf(rows[page.Size - 1]).ToString() : null);
    }

    private static void AppendIn(StringBuilder sql, List<object> args, string column, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }

        sql.Append(CultureInfo.InvariantCulture, $" AND {column} IN (");
        sql.AppendJoin(", ", list.Select((_, i) => $"{{{args.Count + i}}}"));
        sql.Append(')');
        args.AddRange(list);
    }

    /// <summary>A keyset cursor: the (instant, id) of the last row of a page, written <c>ticks.id</c>.</summary>
    private readonly record struct Cursor(Instant At, Guid Id)
    {
        public static Cursor Parse(string text, string paramName)
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && long.TryParse(text.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
                && Guid.TryParseExact(text.AsSpan(dot + 1), "N", out var id)
                && ticks >= Instant.MinValue.ToUnixTimeTicks() && ticks <= Instant.MaxValue.ToUnixTimeTicks()
                    ? new Cursor(Instant.FromUnixTimeTicks(ticks), id)
                    : throw new ArgumentException("The page cursor was not produced by this store.", paramName);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.ToUnixTimeTicks()}.{Id:N}");
    }
}
