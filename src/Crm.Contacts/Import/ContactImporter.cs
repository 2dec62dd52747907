using System.Runtime.CompilerServices;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Events;
using Crm.Contacts.Storage;
using Crm.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Contacts.Import;

/// <summary>Imports contacts in bulk: validates each row, skips duplicates (of existing contacts and within the import) and writes in atomic batches.</summary>
/// <remarks>
/// <para>Each row is read with the rules of <see cref="ContactManager.CreateAsync"/> and recorded with
/// <see cref="RecordOrigin.Import"/>. A row that breaks a rule is reported with its 1-based number, the field (e.g.
/// <c>Emails[1]</c>) and the rule, and the import goes on. A row whose idempotency key is already known (from an
/// earlier import or an earlier row) is reported as already imported: re-running an interrupted import with keys is
/// safe.</para>
/// <para>When <see cref="DuplicateOptions.Enabled"/> is set, each row is checked with the duplicate rules first against
/// the rows already accepted in this import (the second occurrence of a person in a file is a duplicate of the first,
/// never a new contact to merge by hand later), then against the stored contacts. Skipping is the default
/// (<see cref="ImportOptions"/>). With <see cref="ImportOptions.SkipDuplicatesOfExisting"/> and a store that enforces
/// <see cref="IContactUniqueKeys"/>, each accepted row also claims its duplicate key combinations in the batch's change
/// set, as <see cref="ContactManager.CreateAsync"/> does with <see cref="DuplicateCreateAction.Reject"/>: a person
/// created concurrently (by a create or another import) between the check and the batch's save makes the save conflict,
/// and the row is re-checked and reported as <see cref="ImportRowOutcome.DuplicateOfExisting"/> instead of becoming a
/// second contact.</para>
/// <para>Accepted rows are written <see cref="ImportOptions.BatchSize"/> at a time, each batch one atomic change set.
/// A batch that meets a concurrent change (e.g. the same idempotency key or the same person written concurrently) is
/// re-checked and retried up to three times, then the import fails with <see cref="ConcurrencyConflictException"/>; batches written before stay
/// written, as they do when the import is cancelled. <see cref="ContactCreated"/> is written to the outbox in each
/// created contact's batch. Memory grows with the keys of the rows accepted so far.</para>
/// <para>When the store implements <see cref="IContactBulkInsert"/> (the EF Core store does: binary <c>COPY</c> on
/// PostgreSQL), each batch goes through its bulk path instead of <see cref="IContactStore.SaveAsync"/>, with the same
/// guarantees (one transaction per batch, the events in the outbox, the same conflicts). For an initial load of a large
/// file, turn duplicate detection off (or leave rows without idempotency keys) so that no row needs a read before its
/// write, and use batches of <see cref="ImportOptions.MaxBatchSize"/>.</para>
/// </remarks>
public sealed class ContactImporter
{
    private const int MaxAttempts = 3;

    private readonly IContactStore _store;
    private readonly DuplicateDetector _detector;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<ContactImporter> _logger;
    private readonly ContactOptions _options;

    /// <summary>Creates the importer.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ContactImporter(IContactStore store, DuplicateDetector detector, IClock clock, ICrmEventIdGenerator eventIds, ILogger<ContactImporter> logger, IOptions<ContactOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _detector = detector;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
        _options = options.Value;
    }

    /// <summary>Imports <paramref name="drafts"/> into the tenant.</summary>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="drafts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ImportOptions.BatchSize"/> is not between 1 and <see cref="ImportOptions.MaxBatchSize"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">A batch kept meeting concurrent changes; earlier batches stay written.</exception>
    /// <exception cref="InvalidOperationException">Duplicate detection is enabled but the store has no duplicate index.</exception>
    public Task<ImportResult> ImportAsync(TenantId tenantId, IEnumerable<ContactDraft> drafts, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return ImportAsync(tenantId, ToAsync(drafts, cancellationToken), options, cancellationToken);
    }

    /// <summary>Imports <paramref name="drafts"/> into the tenant, reading the stream as it goes.</summary>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="drafts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ImportOptions.BatchSize"/> is not between 1 and <see cref="ImportOptions.MaxBatchSize"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">A batch kept meeting concurrent changes; earlier batches stay written.</exception>
    /// <exception cref="InvalidOperationException">Duplicate detection is enabled but the store has no duplicate index.</exception>
    public async Task<ImportResult> ImportAsync(TenantId tenantId, IAsyncEnumerable<ContactDraft> drafts, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(drafts);
        options ??= ImportOptions.Default;
        if (options.BatchSize is < 1 or > ImportOptions.MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, $"ImportOptions.BatchSize must be between 1 and {ImportOptions.MaxBatchSize} (was {options.BatchSize}).");
        }

        var run = new Run(this, tenantId, options);
        var row = 0;
        await foreach (var draft in drafts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await run.AddAsync(++row, draft, cancellationToken).ConfigureAwait(false);
        }

        await run.FlushAsync(cancellationToken).ConfigureAwait(false);
        var result = new ImportResult([.. run.Rows.OrderBy(r => r.Row)]);
        Log.ImportCompleted(_logger, tenantId, row, result.Created.Count, result.DuplicatesOfExisting.Count, result.DuplicatesWithinImport.Count, result.AlreadyImported.Count, result.Errors.Count);
        return result;
    }

    private static async IAsyncEnumerable<ContactDraft> ToAsync(IEnumerable<ContactDraft> drafts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var draft in drafts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return draft;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The state of one import: accepted rows, the pending batch and the import-wide duplicate index.</summary>
    private sealed class Run(ContactImporter owner, TenantId tenantId, ImportOptions options)
    {
        private readonly List<(int Row, Contact Contact, string? Key, DuplicateCheckResult? Existing, (int Row, int Rule)? Within, IReadOnlyList<DuplicateKeyClaim> Claims)> _batch = [];
        private readonly Dictionary<DuplicateKey, List<ContactId>> _index = [];
        private readonly Dictionary<ContactId, int> _rowOf = [];
        private readonly Dictionary<string, ContactId> _keys = new(StringComparer.Ordinal);
        private readonly bool _detect = owner._options.Duplicates.Enabled;

        // Race-free skipping of duplicates of existing contacts, where the store enforces claims (as CreateAsync with Reject).
        private readonly bool _claim = owner._options.Duplicates.Enabled && options.SkipDuplicatesOfExisting
            && owner._store is IContactUniqueKeys { EnforcesDuplicateKeyClaims: true };

        public List<ImportRow> Rows { get; } = [];

        public async Task AddAsync(int row, ContactDraft? draft, CancellationToken cancellationToken)
        {
            if (draft is null)
            {
                Rows.Add(new ImportRow { Row = row, Outcome = ImportRowOutcome.Invalid, Field = "Draft", Error = "A row must not be null." });
                return;
            }

            var now = owner._clock.GetCurrentInstant();
            if (!ContactDraftReader.TryRead(tenantId, draft, owner._options, now, RecordOrigin.Import, out var contact, out var field, out var rule))
            {
                Rows.Add(new ImportRow { Row = row, Outcome = ImportRowOutcome.Invalid, Field = field, Error = rule });
                return;
            }

            var key = draft.IdempotencyKey;
            if (key is not null && await KnownKeyAsync(key, cancellationToken).ConfigureAwait(false) is { } known)
            {
                Rows.Add(new ImportRow { Row = row, Outcome = ImportRowOutcome.AlreadyImported, ContactId = known });
                return;
            }

            (int Row, int Rule)? within = null;
            DuplicateCheckResult? existing = null;
            if (_detect)
            {
                within = FindWithinImport(contact!);
                if (within is { } w && options.SkipDuplicatesWithinImport)
                {
                    Rows.Add(new ImportRow { Row = row, Outcome = ImportRowOutcome.DuplicateWithinImport, DuplicateOfRow = w.Row, RuleIndex = w.Rule });
                    return;
                }

                existing = await owner._detector.CheckAsync(tenantId, contact!, cancellationToken).ConfigureAwait(false);
                if (existing.IsDuplicate && options.SkipDuplicatesOfExisting)
                {
                    Rows.Add(DuplicateOfExisting(row, existing));
                    return;
                }
            }

            // A row created despite an earlier row of this import claims nothing: that row's claim covers the person.
            IReadOnlyList<DuplicateKeyClaim> claims = _claim && within is null && existing is { IsDuplicate: false }
                ? DuplicateDetector.Claims(contact!, owner._options.Duplicates.Rules, existing.SkippedKeys)
                : [];
            Accept(row, contact!, key, existing is { IsDuplicate: true } ? existing : null, within, claims);
            if (_batch.Count >= options.BatchSize)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            for (var attempt = 1; _batch.Count > 0; attempt++)
            {
                var changes = new ContactChangeSet
                {
                    Created = [.. _batch.Select(b => b.Contact)],
                    DuplicateKeyClaims = [.. _batch.SelectMany(b => b.Claims)],
                    IdempotencyKeys = [.. _batch.Where(b => b.Key is not null).Select(b => new ContactIdempotencyKey(b.Key!, b.Contact.Id, b.Contact.CreatedAt))],
                    Events = [.. _batch.Select(b => owner._eventIds.Identify(new ContactCreated(tenantId, b.Contact.CreatedAt, b.Contact.Id, b.Contact.Origin)))],
                };

                try
                {
                    if (owner._store is IContactBulkInsert bulk)
                    {
                        await bulk.BulkInsertAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await owner._store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    Log.ImportBatchRetried(owner._logger, tenantId, _batch[0].Row, attempt);
                    await RecheckKeysAsync(cancellationToken).ConfigureAwait(false);
                    await RecheckClaimsAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var stored = _batch.ToArray();
                _batch.Clear();
                foreach (var item in stored)
                {
                    Rows.Add(new ImportRow
                    {
                        Row = item.Row,
                        Outcome = ImportRowOutcome.Created,
                        ContactId = item.Contact.Id,
                        DuplicateOfContactIds = item.Existing is { } e ? FirstRuleIds(e) : [],
                        DuplicateOfRow = item.Within?.Row,
                        RuleIndex = item.Within?.Rule ?? item.Existing?.Matches[0].RuleIndex,
                    });
                }
            }
        }

        private void Accept(int row, Contact contact, string? key, DuplicateCheckResult? existing, (int Row, int Rule)? within, IReadOnlyList<DuplicateKeyClaim> claims)
        {
            _batch.Add((row, contact, key, existing, within, claims));
            _rowOf[contact.Id] = row;
            if (key is not null)
            {
                _keys[key] = contact.Id;
            }

            if (_detect)
            {
                foreach (var k in DuplicateMatcher.KeysToLookUp(owner._options.Duplicates.Rules, DuplicateMatcher.KeysByCriterion(contact, owner._options.Duplicates.Rules)))
                {
                    if (!_index.TryGetValue(k, out var ids))
                    {
                        _index[k] = ids = [];
                    }

                    ids.Add(contact.Id);
                }
            }
        }

        private (int Row, int Rule)? FindWithinImport(Contact contact)
        {
            var rules = owner._options.Duplicates.Rules;
            var limit = owner._options.Duplicates.MaxCandidatesPerKey;
            var keys = DuplicateMatcher.KeysByCriterion(contact, rules);
            var matches = DuplicateMatcher.Evaluate(contact.Id, rules, keys, k => _index.TryGetValue(k, out var ids) && ids.Count <= limit ? ids : null);
            if (matches.Count == 0)
            {
                return null;
            }

            var best = matches.OrderBy(m => m.Value).ThenBy(m => _rowOf[m.Key]).First();
            return (_rowOf[best.Key], best.Value);
        }

        private async Task<ContactId?> KnownKeyAsync(string key, CancellationToken cancellationToken)
            => _keys.TryGetValue(key, out var id)
                ? id
                : await owner._store.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false);

        /// <summary>After a conflict: rows whose idempotency key is now stored by someone else become already imported.</summary>
        private async Task RecheckKeysAsync(CancellationToken cancellationToken)
        {
            for (var i = _batch.Count - 1; i >= 0; i--)
            {
                if (_batch[i].Key is { } key
                    && await owner._store.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    Rows.Add(new ImportRow { Row = _batch[i].Row, Outcome = ImportRowOutcome.AlreadyImported, ContactId = stored });
                    _keys[key] = stored;
                    _batch.RemoveAt(i);
                }
            }
        }

        /// <summary>After a conflict: claiming rows that now duplicate a stored contact (written concurrently) become duplicates of existing.</summary>
        private async Task RecheckClaimsAsync(CancellationToken cancellationToken)
        {
            for (var i = _batch.Count - 1; i >= 0; i--)
            {
                if (_batch[i].Claims.Count > 0
                    && await owner._detector.CheckAsync(tenantId, _batch[i].Contact, cancellationToken).ConfigureAwait(false) is { IsDuplicate: true } result)
                {
                    Rows.Add(DuplicateOfExisting(_batch[i].Row, result));
                    _batch.RemoveAt(i);
                }
            }
        }

        private static ImportRow DuplicateOfExisting(int row, DuplicateCheckResult result)
            => new() { Row = row, Outcome = ImportRowOutcome.DuplicateOfExisting, DuplicateOfContactIds = FirstRuleIds(result), RuleIndex = result.Matches[0].RuleIndex };

        private static ContactId[] FirstRuleIds(DuplicateCheckResult result)
            => result.Matches.Where(m => m.RuleIndex == result.Matches[0].RuleIndex).Select(m => m.ContactId).ToArray();
    }
}
