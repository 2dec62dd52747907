using Crm.Contacts.Tests.TestSupport;
using Crm.InMemory;
using Crm.Storage;
// PUBLIC API ONLY. This store is the proof that a host (or a separate package such as an EF Core adapter) can persist
// contacts with nothing but Crm.Contacts' public surface: it must never use InMemoryContactStore, internal
// constructors or With… methods, even though this test project can see internals. It imports only public namespaces.
using Crm.Contacts.Serialization;
using Crm.Contacts.Storage;

namespace Crm.Contacts.Tests.Storage;

/// <summary>
/// An <see cref="IContactStore"/> that keeps each contact as a <see cref="ContactSerializer"/> document, as a relational
/// or document database would: one row per contact holding the document, plus the columns the store queries itself
/// (id as key, concurrency stamp) copied beside it, the named version counters in their own table, and the events in an
/// outbox table written in the same transaction (an embedded <see cref="InMemoryOutbox"/>, as the in-memory store does).
/// Capabilities: the outbox, counter reads and the idempotency-key purge; no referral graph, duplicate index or merge history.
/// </summary>
public sealed class DocumentContactStore : IContactStore, IForwardsOutbox, IVersionCounterStore, IContactIdempotencyKeyPurge
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TenantId, Table> _tenants = [];

    /// <summary>The outbox table: every event the change sets wrote.</summary>
    public InMemoryOutbox Outbox { get; } = new();

    /// <summary>How many documents the store holds in <paramref name="tenantId"/>.</summary>
    public int Count(TenantId tenantId)
    {
        lock (_gate)
        {
            return _tenants.TryGetValue(tenantId, out var table) ? table.Rows.Count : 0;
        }
    }

    /// <summary>The stored document of a contact, as the database column would hold it.</summary>
    public byte[]? Document(TenantId tenantId, ContactId contactId)
    {
        lock (_gate)
        {
            return _tenants.TryGetValue(tenantId, out var table) && table.Rows.TryGetValue(contactId, out var row) ? row.Document : null;
        }
    }

    public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        var document = Document(tenantId, contactId);
        return ValueTask.FromResult(document is null ? null : Load(tenantId, document));
    }

    public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        ContactId? after = null;
        if (page.Cursor is { } cursor)
        {
            after = ContactId.TryParse(cursor, out var id)
                ? id
                : throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
        }

        List<byte[]> documents;
        bool more;
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var table))
            {
                return ValueTask.FromResult(new Page<Contact>([], null));
            }

            // Keyset paging on the primary key: WHERE id > @after ORDER BY id LIMIT size + 1.
            var rows = table.Rows.Where(r => after is null || r.Key > after.Value).Take(page.Size + 1).ToList();
            more = rows.Count > page.Size;
            documents = rows.Take(page.Size).Select(r => r.Value.Document).ToList();
        }

        var items = documents.Select(d => Load(tenantId, d)).ToList();
        return ValueTask.FromResult(new Page<Contact>(items, more ? items[^1].Id.ToString() : null));
    }

    public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult<ContactId?>(
                _tenants.TryGetValue(tenantId, out var table) && table.Keys.TryGetValue(key, out var row) ? row.ContactId : null);
        }
    }

    // SELECT version FROM counters WHERE tenant_id = @tenant AND name = @name (0 when there is no row).
    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        VersionCheck.ValidateName(counter, nameof(counter));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_tenants.TryGetValue(tenantId, out var table) ? table.Counters.GetValueOrDefault(counter) : 0L);
        }
    }

    // DELETE FROM idempotency_keys WHERE tenant_id = @tenant AND recorded_at < @before.
    public ValueTask<int> PurgeIdempotencyKeysAsync(TenantId tenantId, NodaTime.Instant recordedBefore, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var table))
            {
                return ValueTask.FromResult(0);
            }

            var expired = table.Keys.Values.Where(k => k.RecordedAt < recordedBefore).Select(k => k.Key).ToList();
            expired.ForEach(key => table.Keys.Remove(key));
            return ValueTask.FromResult(expired.Count);
        }
    }

    public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.ReferralsAdded.Count > 0 || changes.ReferralsRemoved.Count > 0 || changes.ReferralRequestsCreated.Count > 0
            || changes.ReferralRequestsUpdated.Count > 0 || changes.MergesRecorded.Count > 0)
        {
            throw new NotSupportedException("DocumentContactStore stores contacts, counters and events only: it has no referral graph and no merge history.");
        }

        // Serialize outside the lock; like a database transaction: check everything, then write everything.
        var created = changes.Created.Select(c => (Contact: OwnedBy(tenantId, c), Row: new Row(c.ConcurrencyStamp, ContactSerializer.SerializeToUtf8Bytes(c)))).ToList();
        var updated = changes.Updated.Select(u => (Update: u, Row: new Row(OwnedBy(tenantId, u.Contact).ConcurrencyStamp, ContactSerializer.SerializeToUtf8Bytes(u.Contact)))).ToList();
        lock (_gate)
        {
            var table = _tenants.TryGetValue(tenantId, out var existing) ? existing : new Table();
            var ids = new HashSet<ContactId>();
            foreach (var (contact, _) in created)
            {
                if (table.Rows.ContainsKey(contact.Id) || !ids.Add(contact.Id))
                {
                    throw new ConcurrencyConflictException("contact", contact.Id.ToString());
                }
            }

            foreach (var (update, _) in updated)
            {
                if (!ids.Add(update.Contact.Id))
                {
                    throw new ArgumentException($"Contact '{update.Contact.Id}' is written twice in one change set.", nameof(changes));
                }

                if (!table.Rows.TryGetValue(update.Contact.Id, out var row) || row.Stamp != update.ExpectedStamp)
                {
                    throw new ConcurrencyConflictException("contact", update.Contact.Id.ToString());
                }
            }

            // Read guards: SELECT 1 FROM contacts WHERE id = @id AND stamp = @stamp, in the same transaction.
            foreach (var guard in changes.ContactsRead)
            {
                if (!table.Rows.TryGetValue(guard.ContactId, out var row) || row.Stamp != guard.ExpectedStamp)
                {
                    throw new ConcurrencyConflictException("contact", guard.ContactId.ToString());
                }
            }

            // Named version counters: UPDATE counters SET version = version + 1 WHERE name = @name AND version = @expected.
            var counters = new HashSet<string>(StringComparer.Ordinal);
            foreach (var check in changes.VersionChecks)
            {
                if (!counters.Add(check.Counter))
                {
                    throw new ArgumentException($"Version counter '{check.Counter}' is named twice in one change set.", nameof(changes));
                }

                if (table.Counters.GetValueOrDefault(check.Counter) != check.ExpectedVersion)
                {
                    throw new ConcurrencyConflictException("version counter", check.Counter);
                }
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in changes.IdempotencyKeys)
            {
                if (!ids.Contains(key.ContactId) && !table.Rows.ContainsKey(key.ContactId))
                {
                    throw new ArgumentException($"An idempotency key names contact '{key.ContactId}', which is neither written nor stored.", nameof(changes));
                }

                if (table.Keys.ContainsKey(key.Key) || !keys.Add(key.Key))
                {
                    throw new ConcurrencyConflictException("idempotency key", key.ContactId.ToString());
                }
            }

            Outbox.Check(tenantId, changes.Events);

            // Every check passed: write the rows, the counters and the outbox rows together.
            foreach (var (contact, row) in created)
            {
                table.Rows.Add(contact.Id, row);
            }

            foreach (var (update, row) in updated)
            {
                table.Rows[update.Contact.Id] = row;
            }

            foreach (var key in changes.IdempotencyKeys)
            {
                table.Keys.Add(key.Key, key);
            }

            foreach (var check in changes.VersionChecks.Where(c => c.Advance))
            {
                table.Counters[check.Counter] = check.ExpectedVersion + 1;
            }

            Outbox.Append(changes.Events);
            _tenants[tenantId] = table;
        }

        return ValueTask.CompletedTask;
    }

    private static Contact OwnedBy(TenantId tenantId, Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.TenantId == tenantId
            ? contact
            : throw new ArgumentException($"A change set for tenant '{tenantId}' holds a contact of another tenant.", nameof(contact));
    }

    // Re-check what the database returned: a row filed under one tenant must hold that tenant's contact.
    private static Contact Load(TenantId tenantId, byte[] document)
    {
        var contact = ContactSerializer.Deserialize(document);
        return contact.TenantId == tenantId
            ? contact
            : throw new InvalidOperationException($"A stored document of tenant '{tenantId}' holds contact '{contact.Id}' of another tenant.");
    }

    private sealed record Row(ConcurrencyStamp Stamp, byte[] Document);

    private sealed class Table
    {
        public SortedDictionary<ContactId, Row> Rows { get; } = [];

        public Dictionary<string, ContactIdempotencyKey> Keys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
    }
}
