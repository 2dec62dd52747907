using Crm.Contacts.Events;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Contacts.Merging;

/// <summary>Merges duplicate contacts into one survivor, keeping every fact, in one atomic change set.</summary>
/// <remarks>
/// <para>What a merge does, all in ONE change set (a concurrent change to any involved contact or to the referral graph
/// fails it with <see cref="ConcurrencyConflictException"/> and nothing is written):</para>
/// <list type="bullet">
/// <item>The survivor receives the absorbed contacts' data by <see cref="MergePolicy"/> (default: fill the survivor's
/// gaps, union of emails, phones, tags and attributes).</item>
/// <item>Consent histories are combined in the order recorded, so every proof survives and the latest record decides.</item>
/// <item>Lifecycle logs are replayed together in time order through the transition table, starting from the earliest
/// creation: each entry that is an allowed move from the stage reached so far is kept, repeats and moves back down the
/// funnel are left out (they stay on the absorbed contact's own log). The stage is where the replay ends: the latest
/// allowed move of any of the contacts — e.g. a lead merged with a customer is a customer, and a churn recorded after the
/// last purchase stage of either record makes the merged contact churned.</item>
/// <item><see cref="Contact.CreatedAt"/> becomes the earliest of all; the survivor keeps its id, origin and acquisition
/// (by policy), and the absorbed acquisitions are kept in the <see cref="MergeRecord"/>.</item>
/// <item>Each absorbed contact keeps its data and gets <see cref="ContactStatus.Merged"/> with
/// <see cref="Contact.MergedIntoId"/> = survivor, so its id keeps resolving (<see cref="ResolveAsync"/>).</item>
/// <item>Referral edges are re-pointed to the survivor (rules in <c>docs/duplicates-and-merge.md</c>): referees of absorbed
/// contacts become the survivor's, the survivor inherits an absorbed contact's referrer only when it has none and no
/// cycle results; edges between merged contacts are removed.</item>
/// <item>Referral requests made to an absorbed contact move to the survivor (same id, dates and outcome, new stamp), so
/// its request statistics and a later referral naming the request see them; a request asked for in parallel fails the
/// merge with <see cref="ConcurrencyConflictException"/> (when the store implements <see cref="IVersionCounterStore"/>).</item>
/// <item>A <see cref="MergeRecord"/> is appended (<see cref="ContactChangeSet.MergesRecorded"/>).</item>
/// </list>
/// <para>The merge writes <see cref="ContactsMerged"/> to the outbox in its change set and, after the commit, logs <see cref="ContactsEventIds.ContactsMerged"/>
/// (ids only). A dry run computes the same result and writes nothing, events included. A merge may leave the survivor
/// with more emails, phones, tags or attributes than the <see cref="ContactOptions"/> limits allow: no fact is
/// dropped to honour a limit, and the survivor then accepts no new value of that kind until some are removed.</para>
/// </remarks>
public sealed class ContactMerger
{
    /// <summary>The most contacts one merge may absorb.</summary>
    public const int MaxAbsorbedContacts = 100;

    private readonly IContactStore _store;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<ContactMerger> _logger;
    private readonly ContactOptions _options;

    /// <summary>Creates the merger.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ContactMerger(IContactStore store, IClock clock, ICrmEventIdGenerator eventIds, ILogger<ContactMerger> logger, IOptions<ContactOptions> options)
    {
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

    /// <summary>Merges <see cref="MergeRequest.AbsorbedIds"/> into <see cref="MergeRequest.SurvivorId"/>, or computes the result only when <see cref="MergeRequest.DryRun"/> is set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its ids or its policy is null.</exception>
    /// <exception cref="ArgumentException">The tenant or an id is empty; no or more than <see cref="MaxAbsorbedContacts"/> absorbed ids; the survivor is among them (a contact cannot be merged into itself); an id is repeated; a policy is Union on a single-valued field; an expected stamp names an uninvolved contact or is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A policy is not a defined value.</exception>
    /// <exception cref="ContactNotFoundException">An involved contact does not exist in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">An involved contact was already merged or erased.</exception>
    /// <exception cref="ConcurrencyConflictException">An involved contact's stamp differs from <see cref="MergeRequest.ExpectedStamps"/>, or a contact or the referral graph changed concurrently; nothing was written.</exception>
    /// <exception cref="InvalidOperationException">Referrals are enabled but the store does not implement <see cref="IReferralStore"/>, or the store returned a record of another tenant or id.</exception>
    public async Task<MergeResult> MergeAsync(TenantId tenantId, MergeRequest request, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        Validate(request);
        var survivor = await LoadActiveAsync(tenantId, request.SurvivorId, request, cancellationToken).ConfigureAwait(false);
        var absorbed = new List<Contact>(request.AbsorbedIds.Count);
        foreach (var id in request.AbsorbedIds)
        {
            absorbed.Add(await LoadActiveAsync(tenantId, id, request, cancellationToken).ConfigureAwait(false));
        }

        var now = _clock.GetCurrentInstant();
        var (merged, decisions) = MergePlanner.Plan(survivor, absorbed, request.Policy);

        IReadOnlyList<Referral> removed = [];
        IReadOnlyList<Referral> added = [];
        long? graphVersion = null;
        var requestChecks = new List<VersionCheck>();
        var requestsMoved = new List<ReferralRequestUpdate>();
        if (_store is IReferralStore referrals)
        {
            // Referral requests follow the absorbed contacts to the survivor. Each absorbed contact's request counter is
            // read before its requests and checked at commit, so a request asked for in parallel is never left behind.
            foreach (var id in request.AbsorbedIds)
            {
                if (_store is IVersionCounterStore counters)
                {
                    var name = ContactChangeSet.ReferralRequestsCounter(id);
                    requestChecks.Add(new VersionCheck(name, await counters.GetVersionAsync(tenantId, name, cancellationToken).ConfigureAwait(false), advance: false));
                }

                foreach (var asked in await referrals.GetReferralRequestsAsync(tenantId, id, cancellationToken).ConfigureAwait(false))
                {
                    if (asked.ContactId != id)
                    {
                        throw new InvalidOperationException($"The referral store returned request '{asked.Id}' of another contact when asked for the requests of '{id}'.");
                    }

                    var moved = new ReferralRequest(asked.Id, survivor.Id, asked.AskedAt, asked.Channel, asked.Outcome, asked.AnsweredAt, ConcurrencyStamp.New());
                    requestsMoved.Add(new ReferralRequestUpdate(moved, asked.ConcurrencyStamp));
                }
            }

            (removed, added, var version) = await ReferralRepointer.PlanAsync(referrals, tenantId, survivor.Id, request.AbsorbedIds, cancellationToken).ConfigureAwait(false);
            graphVersion = version;
        }
        else if (_options.EnableReferrals)
        {
            throw new InvalidOperationException($"ContactOptions.EnableReferrals is true, but the registered IContactStore ({_store.GetType().FullName}) does not implement IReferralStore, so a merge cannot re-point referrals.");
        }

        var survivorAfter = merged.WithNewVersion(now);
        var absorbedAfter = absorbed.Select(a => a.AsMerged(survivor.Id, now).WithNewVersion(now)).ToArray();
        var acquisitions = absorbed.Where(a => a.Acquisition is not null).ToDictionary(a => a.Id, a => a.Acquisition!);
        var record = new MergeRecord(survivor.Id, [.. request.AbsorbedIds], now, decisions, removed, added, acquisitions);
        var result = new MergeResult(survivorAfter, absorbedAfter, record, request.DryRun)
        {
            ExpectedStamps = new Dictionary<ContactId, ConcurrencyStamp>(absorbed.Count + 1)
            {
                [survivor.Id] = survivor.ConcurrencyStamp,
            }.Concat(absorbed.Select(a => KeyValuePair.Create(a.Id, a.ConcurrencyStamp))).ToDictionary(),
        };
        if (request.DryRun)
        {
            return result;
        }

        var changes = new ContactChangeSet
        {
            Updated = [new ContactUpdate(survivorAfter, survivor.ConcurrencyStamp), .. absorbed.Select((a, i) => new ContactUpdate(absorbedAfter[i], a.ConcurrencyStamp))],
            ReferralsRemoved = removed,
            ReferralsAdded = added,
            VersionChecks = graphVersion is { } expected
                ? [ContactChangeSet.ReferralGraphCheck(expected, advance: removed.Count > 0 || added.Count > 0), .. requestChecks]
                : requestChecks,
            ReferralRequestsUpdated = requestsMoved,
            MergesRecorded = [record],
            Events = [_eventIds.Identify(new ContactsMerged(tenantId, now, survivor.Id, record.AbsorbedIds))],
        };

        try
        {
            await _store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            Log.MergeConflict(_logger, tenantId, survivor.Id);
            throw;
        }

        Log.ContactsMerged(_logger, tenantId, survivor.Id, request.AbsorbedIds, added.Count, removed.Count);
        if (removed.Count > added.Count)
        {
            Log.MergeReferralsDropped(_logger, tenantId, survivor.Id, removed.Count - added.Count);
        }

        return result;
    }

    /// <summary>The active contact an id stands for now: the contact itself, or the survivor it was (transitively) merged into.</summary>
    /// <remarks>Returns an erased contact as it is; returns <see langword="null"/> when the id is unknown.</remarks>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="InvalidOperationException">The merge chain is broken (names a missing contact) or loops, or the store returned a record of another tenant or id.</exception>
    public async Task<Contact?> ResolveAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var visited = new HashSet<ContactId>();
        var current = await LoadAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        while (current is { Status: ContactStatus.Merged, MergedIntoId: { } next })
        {
            if (!visited.Add(current.Id))
            {
                throw new InvalidOperationException($"The merge chain from contact '{contactId}' loops; the store holds inconsistent merge data.");
            }

            current = await LoadAsync(tenantId, next, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Contact '{current.Id}' was merged into '{next}', which does not exist.");
        }

        return current;
    }

    /// <summary>Every merge <paramref name="contactId"/> took part in (as survivor or absorbed), oldest first.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="InvalidOperationException">The store does not implement <see cref="IContactMergeHistory"/>.</exception>
    public async Task<IReadOnlyList<MergeRecord>> GetHistoryAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var history = _store as IContactMergeHistory
            ?? throw new InvalidOperationException($"The registered IContactStore ({_store.GetType().FullName}) does not implement IContactMergeHistory.");
        var records = await history.GetMergeHistoryAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return records.All(r => r.Involves(contactId))
            ? records
            : throw new InvalidOperationException($"The merge history returned a record that does not involve contact '{contactId}'; refusing to use it.");
    }

    private static void Validate(MergeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ContactId.ThrowIfEmpty(request.SurvivorId);
        ArgumentNullException.ThrowIfNull(request.AbsorbedIds);
        ArgumentNullException.ThrowIfNull(request.Policy);
        if (request.AbsorbedIds.Count == 0)
        {
            throw new ArgumentException("request.AbsorbedIds must name at least one contact to merge into the survivor.", "request.AbsorbedIds");
        }

        if (request.AbsorbedIds.Count > MaxAbsorbedContacts)
        {
            throw new ArgumentException($"request.AbsorbedIds must name at most {MaxAbsorbedContacts} contacts (was {request.AbsorbedIds.Count}).", "request.AbsorbedIds");
        }

        var seen = new HashSet<ContactId>();
        foreach (var id in request.AbsorbedIds)
        {
            ContactId.ThrowIfEmpty(id, "request.AbsorbedIds");
            if (id == request.SurvivorId)
            {
                throw new ArgumentException($"A contact cannot be merged into itself: request.AbsorbedIds contains the survivor '{id}'.", "request.AbsorbedIds");
            }

            if (!seen.Add(id))
            {
                throw new ArgumentException($"request.AbsorbedIds must be distinct: '{id}' appears more than once.", "request.AbsorbedIds");
            }
        }

        request.Policy.Validate("request.Policy");
        foreach (var (id, stamp) in request.ExpectedStamps ?? new Dictionary<ContactId, ConcurrencyStamp>())
        {
            if (id != request.SurvivorId && !seen.Contains(id))
            {
                throw new ArgumentException($"request.ExpectedStamps names contact '{id}', which is not part of the merge.", "request.ExpectedStamps");
            }

            if (stamp.IsEmpty)
            {
                throw new ArgumentException($"request.ExpectedStamps must not hold an empty stamp (contact '{id}').", "request.ExpectedStamps");
            }
        }
    }

    private async Task<Contact> LoadActiveAsync(TenantId tenantId, ContactId id, MergeRequest request, CancellationToken cancellationToken)
    {
        var contact = await LoadAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
        if (contact is null)
        {
            Log.MergeRefused(_logger, tenantId, request.SurvivorId, id, "unknown");
            throw new ContactNotFoundException(id);
        }

        if (contact.Status != ContactStatus.Active)
        {
            Log.MergeRefused(_logger, tenantId, request.SurvivorId, id, contact.Status.ToString());
            throw new ContactNotActiveException(id, contact.Status, contact.MergedIntoId);
        }

        if (request.ExpectedStamps?.TryGetValue(id, out var expected) == true && expected != contact.ConcurrencyStamp)
        {
            Log.MergeConflict(_logger, tenantId, request.SurvivorId);
            throw new ConcurrencyConflictException("contact", id.ToString());
        }

        return contact;
    }

    private async Task<Contact?> LoadAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var contact = await _store.FindByIdAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (contact is not null && (contact.TenantId != tenantId || contact.Id != contactId))
        {
            Log.StoreReturnedWrongRecord(_logger, tenantId, contactId, contact.TenantId, contact.Id);
            throw new InvalidOperationException($"The contact store returned another record when asked for contact '{contactId}' of tenant '{tenantId}'; refusing to use it.");
        }

        return contact;
    }
}
