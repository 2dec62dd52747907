using Crm.Contacts.Consent;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Events;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Contacts;

/// <summary>Creates, reads and changes contacts: validates input, applies the rules, writes through the store with optimistic concurrency, together with the events of each change (the store's outbox).</summary>
/// <remarks>
/// <para>Every write names the <see cref="ConcurrencyStamp"/> of the snapshot it was based on. If the contact changed
/// since (or changes concurrently), the write fails with <see cref="ConcurrencyConflictException"/> and nothing is
/// written: reload, re-apply, retry. Each successful write returns the new snapshot with a new stamp.</para>
/// <para>Only <see cref="ContactStatus.Active"/> contacts accept changes (<see cref="ContactNotActiveException"/>).
/// Every event is written in the same atomic change set as its fact (the store's outbox) and delivered to listeners
/// afterwards by the <c>OutboxDispatcher</c>, at least once; a listener can never fail or undo the call.
/// Logs and events carry ids and codes only. Register it scoped (<c>AddContacts</c> does).</para>
/// </remarks>
public sealed class ContactManager
{
    private readonly IContactStore _store;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<ContactManager> _logger;
    private readonly ContactOptions _options;
    private readonly DuplicateDetector? _duplicates;

    /// <summary>Creates the manager.</summary>
    /// <param name="store">The contact store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="eventIds">Makes the ids of the events the manager writes.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="options">The options.</param>
    /// <param name="duplicateDetector">Checks new contacts against <see cref="ContactOptions.Duplicates"/> on create; without it, create does no duplicate check.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="duplicateDetector"/> is null.</exception>
    public ContactManager(IContactStore store, IClock clock, ICrmEventIdGenerator eventIds, ILogger<ContactManager> logger, IOptions<ContactOptions> options, DuplicateDetector? duplicateDetector = null)
    {
        _duplicates = duplicateDetector;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
        _options = options.Value;
    }

    /// <summary>Creates a contact from <paramref name="draft"/>.</summary>
    /// <remarks>
    /// With <see cref="ContactDraft.IdempotencyKey"/> set, a repeated call with the same key (also concurrently) returns
    /// the contact the first call created, as it is now, and creates nothing; the draft of the repeat is not compared
    /// with the first. Keys are per tenant and kept at least <see cref="ContactOptions.IdempotencyKeyRetention"/>, until
    /// <see cref="PurgeIdempotencyKeysAsync"/> removes them.
    /// </remarks>
    /// <exception cref="ArgumentException">The tenant is empty, or a draft value breaks its rule (the message names it).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The origin or initial stage is not allowed.</exception>
    /// <exception cref="DuplicateContactException">Duplicate detection is on with <see cref="DuplicateCreateAction.Reject"/> and the contact matches existing ones; nothing was written.</exception>
    public async Task<Contact> CreateAsync(TenantId tenantId, ContactDraft draft, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        var key = draft.IdempotencyKey is null ? null : ContactIdempotencyKey.Validate(draft.IdempotencyKey, "draft.IdempotencyKey");
        var now = _clock.GetCurrentInstant();
        var contact = Build(tenantId, draft, now);

        if (key is not null && await FindByKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        // Duplicate hook (Duplicates/DuplicateDetector.cs): throws DuplicateContactException on Reject, returns matches to flag.
        var (duplicates, claims) = _duplicates is null ? (null, []) : await _duplicates.CheckBeforeCreateAsync(tenantId, contact, cancellationToken).ConfigureAwait(false);
        var changes = new ContactChangeSet
        {
            Created = [contact],
            DuplicateKeyClaims = claims,
            IdempotencyKeys = key is null ? [] : [new ContactIdempotencyKey(key, contact.Id, now)],
            Events = [
                _eventIds.Identify(new ContactCreated(tenantId, now, contact.Id, contact.Origin)),
                .. duplicates is null ? [] : new[] { _eventIds.Identify(DuplicateDetector.FlagEvent(tenantId, contact, duplicates, now)) },
            ],
        };

        try
        {
            await _store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException) when (key is not null || claims.Count > 0)
        {
            // A concurrent command with the same key won the race: answer with its contact.
            if (key is not null && await FindByKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false) is { } winner)
            {
                return winner;
            }

            // A parallel create of the same person committed first (the store refused our claims): check again, which
            // now throws DuplicateContactException naming it. Anything else is a genuine conflict.
            if (claims.Count > 0)
            {
                await _duplicates!.CheckBeforeCreateAsync(tenantId, contact, cancellationToken).ConfigureAwait(false);
            }

            throw;
        }

        Log.ContactCreated(_logger, tenantId, contact.Id, contact.Origin);
        if (duplicates is not null)
        {
            _duplicates!.LogFlagged(tenantId, contact, duplicates);
        }

        return contact;
    }

    /// <summary>Removes the tenant's idempotency keys recorded before <paramref name="olderThan"/> (by default: now minus <see cref="ContactOptions.IdempotencyKeyRetention"/>), and returns how many were removed.</summary>
    /// <remarks>Run it on a schedule (a hosted service, a cron job); nothing purges keys by itself. After the purge, a
    /// repeat of a create with a removed key creates a new contact. Keys with no recording time are kept.</remarks>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="olderThan"/> is later than now (it would remove keys still inside their retention).</exception>
    /// <exception cref="InvalidOperationException">The store does not implement <see cref="IContactIdempotencyKeyPurge"/>.</exception>
    public async Task<int> PurgeIdempotencyKeysAsync(TenantId tenantId, Instant? olderThan = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var now = _clock.GetCurrentInstant();
        var before = olderThan ?? now - _options.IdempotencyKeyRetention;
        if (before > now)
        {
            throw new ArgumentOutOfRangeException(nameof(olderThan), olderThan, "olderThan must not be later than now.");
        }

        var purge = _store as IContactIdempotencyKeyPurge
            ?? throw new InvalidOperationException($"The registered IContactStore ({_store.GetType().FullName}) does not implement IContactIdempotencyKeyPurge, so idempotency keys cannot be purged.");
        var removed = await purge.PurgeIdempotencyKeysAsync(tenantId, before, cancellationToken).ConfigureAwait(false);
        if (removed < 0)
        {
            throw new InvalidOperationException($"The store reported {removed} purged idempotency keys.");
        }

        Log.IdempotencyKeysPurged(_logger, tenantId, removed, before);
        return removed;
    }

    /// <summary>Finds a contact of the tenant, or returns <see langword="null"/>.</summary>
    /// <remarks>Merged and erased contacts are returned too; check <see cref="Contact.Status"/>.</remarks>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="InvalidOperationException">The store returned a record of another tenant or id.</exception>
    public async Task<Contact?> FindAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var contact = await _store.FindByIdAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (contact is not null && (contact.TenantId != tenantId || contact.Id != contactId))
        {
            Log.StoreReturnedWrongRecord(_logger, tenantId, contactId, contact.TenantId, contact.Id);
            throw new InvalidOperationException($"The contact store returned another record when asked for contact '{contactId}' of tenant '{tenantId}'; refusing to use it.");
        }

        return contact;
    }

    /// <summary>Gets a contact of the tenant.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="InvalidOperationException">The store returned a record of another tenant or id.</exception>
    public async Task<Contact> GetAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
        => await FindAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false) ?? throw new ContactNotFoundException(contactId);

    /// <summary>Returns one page of the tenant's contacts in id (creation) order; pass the returned cursor to get the next.</summary>
    /// <exception cref="ArgumentException">The tenant is empty or the cursor is not one the store produced.</exception>
    /// <exception cref="InvalidOperationException">The store returned a record of another tenant, or more items than asked for.</exception>
    public async Task<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        if (page.Size == 0)
        {
            throw new ArgumentException("PageRequest must not be the default value; use PageRequest.First().", nameof(page));
        }

        var result = await _store.ListAsync(tenantId, page, cancellationToken).ConfigureAwait(false);
        if (result.Items.Count > page.Size)
        {
            throw new InvalidOperationException($"The contact store returned {result.Items.Count} contacts for a page of {page.Size}.");
        }

        foreach (var contact in result.Items)
        {
            if (contact.TenantId != tenantId)
            {
                Log.StoreReturnedWrongRecord(_logger, tenantId, contact.Id, contact.TenantId, contact.Id);
                throw new InvalidOperationException($"The contact store returned a contact of another tenant when listing tenant '{tenantId}'; refusing to use it.");
            }
        }

        return result;
    }

    /// <summary>Changes a contact's profile: <paramref name="edit"/> makes the changes on a <see cref="ContactEditor"/>, and they are stored together.</summary>
    /// <remarks>An edit that changes nothing writes nothing (no event either) and returns the stored snapshot.</remarks>
    /// <exception cref="ArgumentException">The tenant, id or stamp is empty, or the edit was given an invalid value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="edit"/> is null.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">The contact was merged or erased.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact's stamp is no longer <paramref name="expectedStamp"/>; nothing was written.</exception>
    public async Task<Contact> UpdateAsync(
        TenantId tenantId,
        ContactId contactId,
        ConcurrencyStamp expectedStamp,
        Action<ContactEditor> edit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var current = await LoadForWriteAsync(tenantId, contactId, expectedStamp, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var editor = new ContactEditor(current, _options, now);
        edit(editor);
        if (editor.ChangedFields.Count == 0)
        {
            return current;
        }

        var fields = editor.ChangedFields.ToArray();
        var updated = await SaveAsync(tenantId, editor.Current, expectedStamp, now, new ContactUpdated(tenantId, now, contactId, fields), cancellationToken).ConfigureAwait(false);
        Log.ContactUpdated(_logger, tenantId, contactId, fields);
        return updated;
    }

    /// <summary>Moves a contact to another lifecycle stage, appending the move to its lifecycle log.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contactId">The contact.</param>
    /// <param name="expectedStamp">The stamp of the snapshot the decision was based on.</param>
    /// <param name="to">The stage to enter; see <see cref="LifecycleRules"/> for the allowed moves.</param>
    /// <param name="churnReason">Why the contact churned: required for <see cref="LifecycleStage.Churned"/>, refused otherwise.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The tenant, id or stamp is empty; a move to Churned has no reason or another move has one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not a defined stage.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">The contact was merged or erased.</exception>
    /// <exception cref="IllegalLifecycleTransitionException">The move is not in the transition table.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact's stamp is no longer <paramref name="expectedStamp"/>; nothing was written.</exception>
    public async Task<Contact> ChangeStageAsync(
        TenantId tenantId,
        ContactId contactId,
        ConcurrencyStamp expectedStamp,
        LifecycleStage to,
        ChurnReason? churnReason = null,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(to))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "Lifecycle stage must be a defined LifecycleStage.");
        }

        if (to == LifecycleStage.Churned && (churnReason is null || churnReason.Value.IsEmpty))
        {
            throw new ArgumentException("A ChurnReason is required when a contact moves to Churned.", nameof(churnReason));
        }

        if (to != LifecycleStage.Churned && churnReason is not null)
        {
            throw new ArgumentException($"A ChurnReason is only recorded with a move to Churned (not {to}).", nameof(churnReason));
        }

        var current = await LoadForWriteAsync(tenantId, contactId, expectedStamp, cancellationToken).ConfigureAwait(false);
        var from = current.Stage;
        if (!LifecycleRules.IsAllowed(from, to))
        {
            Log.IllegalLifecycleTransition(_logger, tenantId, contactId, from, to);
            throw new IllegalLifecycleTransitionException(contactId, from, to);
        }

        var now = _clock.GetCurrentInstant();
        var next = current.WithStageChange(new LifecycleTransition(from, to, now, churnReason));
        var updated = await SaveAsync(tenantId, next, expectedStamp, now, new LifecycleStageChanged(tenantId, now, contactId, from, to, churnReason?.Code), cancellationToken).ConfigureAwait(false);
        Log.LifecycleStageChanged(_logger, tenantId, contactId, from, to);
        return updated;
    }

    /// <summary>Records a consent grant for a purpose at an address (or at any address) on a lawful basis.</summary>
    /// <remarks>
    /// A grant on the <see cref="LawfulBasis.Consent"/> basis awaits confirmation when
    /// <see cref="ContactOptions.RequireDoubleOptIn"/> is set (then call <see cref="ConfirmConsentAsync"/> when the person
    /// confirms); other bases take effect at once. A specific address must be one of the contact's current addresses.
    /// </remarks>
    /// <exception cref="ArgumentException">The tenant, id, stamp or purpose is empty; the source breaks its rule; or the address is not the contact's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not a defined value.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">The contact was merged or erased.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact's stamp is no longer <paramref name="expectedStamp"/>; nothing was written.</exception>
    public Task<Contact> GrantConsentAsync(
        TenantId tenantId,
        ContactId contactId,
        ConcurrencyStamp expectedStamp,
        ConsentPurpose purpose,
        ConsentAddress address,
        LawfulBasis basis,
        string source,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "LawfulBasis must be a defined value.");
        }

        var awaits = basis == LawfulBasis.Consent && _options.RequireDoubleOptIn;
        return RecordConsentAsync(tenantId, contactId, expectedStamp, purpose, address, source, ConsentAction.Granted, _ => basis, awaits, requireOwnAddress: true, cancellationToken);
    }

    /// <summary>Records the confirmation (double opt-in) of a grant that awaits it.</summary>
    /// <exception cref="ArgumentException">The tenant, id, stamp or purpose is empty, or the source breaks its rule.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">The contact was merged or erased.</exception>
    /// <exception cref="ConsentNotPendingException">The consent is not awaiting confirmation.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact's stamp is no longer <paramref name="expectedStamp"/>; nothing was written.</exception>
    public Task<Contact> ConfirmConsentAsync(
        TenantId tenantId,
        ContactId contactId,
        ConcurrencyStamp expectedStamp,
        ConsentPurpose purpose,
        ConsentAddress address,
        string source,
        CancellationToken cancellationToken = default)
        => RecordConsentAsync(tenantId, contactId, expectedStamp, purpose, address, source, ConsentAction.Confirmed, state =>
        {
            if (state.Status != ConsentStatus.AwaitingConfirmation)
            {
                throw new ConsentNotPendingException(contactId, purpose, address.Kind, state.Status);
            }

            return state.Basis!.Value;
        }, awaitsConfirmation: false, requireOwnAddress: false, cancellationToken);

    /// <summary>Records the withdrawal of a consent (or an objection), whatever its current state, so the request is provable.</summary>
    /// <remarks>The address need not be one of the contact's current addresses: a person may withdraw for an address since removed.</remarks>
    /// <exception cref="ArgumentException">The tenant, id, stamp or purpose is empty, or the source breaks its rule.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">The contact was merged or erased.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact's stamp is no longer <paramref name="expectedStamp"/>; nothing was written.</exception>
    public Task<Contact> WithdrawConsentAsync(
        TenantId tenantId,
        ContactId contactId,
        ConcurrencyStamp expectedStamp,
        ConsentPurpose purpose,
        ConsentAddress address,
        string source,
        CancellationToken cancellationToken = default)
        => RecordConsentAsync(tenantId, contactId, expectedStamp, purpose, address, source, ConsentAction.Withdrawn,
            state => state.Basis ?? LawfulBasis.Consent, awaitsConfirmation: false, requireOwnAddress: false, cancellationToken);

    private async Task<Contact> RecordConsentAsync(
        TenantId tenantId,
        ContactId contactId,
        ConcurrencyStamp expectedStamp,
        ConsentPurpose purpose,
        ConsentAddress address,
        string source,
        ConsentAction action,
        Func<ConsentState, LawfulBasis> decideBasis,
        bool awaitsConfirmation,
        bool requireOwnAddress,
        CancellationToken cancellationToken)
    {
        if (purpose.IsEmpty)
        {
            throw new ArgumentException("ConsentPurpose must not be empty.", nameof(purpose));
        }

        ArgumentNullException.ThrowIfNull(source);

        // Validate the source before any I/O, so bad input fails the same way whatever the store holds.
        var now = _clock.GetCurrentInstant();
        _ = new ConsentRecord(purpose, address, action, LawfulBasis.Consent, now, source, awaitsConfirmation);

        var current = await LoadForWriteAsync(tenantId, contactId, expectedStamp, cancellationToken).ConfigureAwait(false);
        if (requireOwnAddress && !IsOwnAddress(current, address))
        {
            throw new ArgumentException($"The {address.Kind} consent address must be one of the contact's current addresses.", nameof(address));
        }

        var state = current.GetConsent(purpose, address);
        var record = new ConsentRecord(purpose, address, action, decideBasis(state), now, source, awaitsConfirmation);
        var next = current.WithConsentRecorded(record);
        var status = next.GetConsent(purpose, address).Status;
        var updated = await SaveAsync(tenantId, next, expectedStamp, now, new ConsentChanged(tenantId, now, contactId, purpose, address.Kind, action, status), cancellationToken).ConfigureAwait(false);
        Log.ConsentRecorded(_logger, tenantId, contactId, purpose, address.Kind, action, status);
        return updated;
    }

    private static bool IsOwnAddress(Contact contact, ConsentAddress address) => address.Kind switch
    {
        ConsentAddressKind.Email => contact.Emails.Any(address.Matches),
        ConsentAddressKind.Phone => contact.PhoneNumbers.Any(address.Matches),
        _ => true,
    };

    private Contact Build(TenantId tenantId, ContactDraft draft, Instant now)
    {
        ArgumentNullException.ThrowIfNull(draft.Emails);
        ArgumentNullException.ThrowIfNull(draft.PhoneNumbers);
        ArgumentNullException.ThrowIfNull(draft.Tags);
        ArgumentNullException.ThrowIfNull(draft.Attributes);
        var contact = Contact.CreateNew(tenantId, ContactId.New(), draft.Origin, draft.InitialStage, now);
        var editor = new ContactEditor(contact, _options, now);
        editor.SetName(draft.Name);
        foreach (var email in draft.Emails)
        {
            editor.AddEmail(email);
        }

        foreach (var phone in draft.PhoneNumbers)
        {
            editor.AddPhoneNumber(phone);
        }

        editor.SetBirthday(draft.Birthday);
        editor.SetBirthplace(draft.Birthplace);
        editor.SetPreferredLanguage(draft.PreferredLanguage);
        editor.SetTimeZone(draft.TimeZoneId);
        foreach (var tag in draft.Tags)
        {
            editor.AddTag(tag);
        }

        foreach (var (name, value) in draft.Attributes)
        {
            editor.SetAttribute(name, value);
        }

        editor.SetAcquisition(draft.Acquisition);
        return editor.Current;
    }

    private async Task<Contact?> FindByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        if (await _store.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return null;
        }

        var contact = await FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The contact store maps an idempotency key to contact '{id}', which it does not hold.");
        Log.IdempotentCreateReplayed(_logger, tenantId, id);
        return contact;
    }

    private async Task<Contact> LoadForWriteAsync(TenantId tenantId, ContactId contactId, ConcurrencyStamp expectedStamp, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        if (expectedStamp.IsEmpty)
        {
            throw new ArgumentException("The expected ConcurrencyStamp must not be empty: pass the stamp of the snapshot the change is based on.", nameof(expectedStamp));
        }

        var current = await GetAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (current.Status != ContactStatus.Active)
        {
            Log.ContactNotActive(_logger, tenantId, contactId, current.Status);
            throw new ContactNotActiveException(contactId, current.Status, current.MergedIntoId);
        }

        if (current.ConcurrencyStamp != expectedStamp)
        {
            Log.ConcurrencyConflict(_logger, tenantId, contactId);
            throw new ConcurrencyConflictException("contact", contactId.ToString());
        }

        return current;
    }

    private async Task<Contact> SaveAsync(TenantId tenantId, Contact next, ConcurrencyStamp expectedStamp, Instant now, CrmEvent domainEvent, CancellationToken cancellationToken)
    {
        var versioned = next.WithNewVersion(now);
        try
        {
            var changes = new ContactChangeSet { Updated = [new ContactUpdate(versioned, expectedStamp)], Events = [_eventIds.Identify(domainEvent)] };
            await _store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            Log.ConcurrencyConflict(_logger, tenantId, next.Id);
            throw;
        }

        return versioned;
    }

}
