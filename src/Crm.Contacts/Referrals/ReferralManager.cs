using Crm.Contacts.Events;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Contacts.Referrals;

/// <summary>Records who referred whom, answers questions about one contact's referral chain, and tracks requests for referrals; graph-wide analytics are <see cref="ReferralAnalytics"/>.</summary>
/// <remarks>
/// <para>Rules: a contact has at most one referrer (<see cref="ReferrerAlreadySetException"/>), never itself
/// (<see cref="SelfReferralException"/>), and referrals never form a cycle (<see cref="ReferralCycleException"/>). Both
/// contacts must exist in the tenant and be active.</para>
/// <para>Concurrency: the rules are checked against the referral chain read at one version of the tenant's referral
/// graph, and the edge is written only if the graph is still at that version and the referee and referrer still have the
/// stamps they had when they were found active (<see cref="ContactChangeSet.ContactsRead"/>), so a referral never
/// commits against a contact a parallel merge or erasure has just changed. When a concurrent referral changed the
/// graph in between, the rules are checked again on the new graph (up to <see cref="MaxAttempts"/> times), so two
/// parallel referrals that would together close a cycle can never both be stored.</para>
/// <para>Queries answer in one store call each and walk the graph iteratively: chains 10,000 deep and graphs of
/// millions of contacts are fine. Register it scoped (<c>AddContacts</c> does).</para>
/// </remarks>
public sealed class ReferralManager
{
    /// <summary>How many times a referral is re-checked and retried when the referral graph changes concurrently.</summary>
    public const int MaxAttempts = 8;

    private const int MaxChannelLength = 32;

    private readonly IContactStore _contacts;
    private readonly IReferralStore _referrals;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<ReferralManager> _logger;

    /// <summary>Creates the manager.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ReferralManager(IContactStore contacts, IReferralStore referrals, IClock clock, ICrmEventIdGenerator eventIds, ILogger<ReferralManager> logger)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        _contacts = contacts;
        _referrals = referrals;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
    }

    /// <summary>Records that <paramref name="referrerId"/> referred <paramref name="refereeId"/>.</summary>
    /// <remarks>Recording the same referral again returns the stored edge and writes nothing.</remarks>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="refereeId">The contact who was referred.</param>
    /// <param name="referrerId">The contact who referred them.</param>
    /// <param name="requestId">The referral request made to the referrer that led to this referral, if any.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored referral.</returns>
    /// <exception cref="ArgumentException">The tenant or an id is empty.</exception>
    /// <exception cref="ContactNotFoundException">A contact does not exist in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">A contact was merged or erased.</exception>
    /// <exception cref="ReferralRequestNotFoundException">The request does not exist in the tenant.</exception>
    /// <exception cref="ArgumentException">The request was made to another contact than the referrer.</exception>
    /// <exception cref="SelfReferralException">The referee and the referrer are the same contact.</exception>
    /// <exception cref="ReferrerAlreadySetException">The referee already has another referrer.</exception>
    /// <exception cref="ReferralCycleException">The referrer is in the referee's downline.</exception>
    /// <exception cref="ConcurrencyConflictException">The graph kept changing concurrently for <see cref="MaxAttempts"/> attempts; nothing was written.</exception>
    public async Task<Referral> RecordReferralAsync(
        TenantId tenantId,
        ContactId refereeId,
        ContactId referrerId,
        ReferralRequestId? requestId = null,
        CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        if (requestId is { } rid)
        {
            ReferralRequestId.ThrowIfEmpty(rid, nameof(requestId));
        }

        if (refereeId == referrerId)
        {
            Log.ReferralRefused(_logger, tenantId, refereeId, referrerId, SelfReferralException.ErrorCode);
            throw new SelfReferralException(refereeId);
        }

        if (requestId is { } id)
        {
            var request = await _referrals.FindReferralRequestAsync(tenantId, id, cancellationToken).ConfigureAwait(false)
                ?? throw new ReferralRequestNotFoundException(id);
            if (request.ContactId != referrerId)
            {
                throw new ArgumentException($"Referral request '{id}' was made to contact '{request.ContactId}', not to the referrer '{referrerId}'.", nameof(requestId));
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            // Read (again, on a retry) inside the loop: a conflict may mean a parallel merge or erasure changed a contact,
            // and the retry must then refuse with ContactNotActiveException rather than write against the old state.
            var referee = await RequireActiveAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false);
            var referrer = await RequireActiveAsync(tenantId, referrerId, cancellationToken).ConfigureAwait(false);
            var chain = await _referrals.GetChainAsync(tenantId, referrerId, cancellationToken).ConfigureAwait(false);
            var existing = await _referrals.FindReferralAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (existing.RefereeId != refereeId)
                {
                    throw new InvalidOperationException($"The referral store returned the referral of '{existing.RefereeId}' when asked for '{refereeId}'.");
                }

                if (existing.ReferrerId == referrerId)
                {
                    return existing;
                }

                Log.ReferralRefused(_logger, tenantId, refereeId, referrerId, ReferrerAlreadySetException.ErrorCode);
                throw new ReferrerAlreadySetException(refereeId, existing.ReferrerId, referrerId);
            }

            // The referee would close a cycle if it is the referrer's ancestor: it appears on the referrer's chain to its root.
            if (chain.Referrals.Any(r => r.ReferrerId == refereeId))
            {
                Log.ReferralRefused(_logger, tenantId, refereeId, referrerId, ReferralCycleException.ErrorCode);
                throw new ReferralCycleException(refereeId, referrerId);
            }

            var now = _clock.GetCurrentInstant();
            var referral = new Referral(refereeId, referrerId, now, requestId);
            try
            {
                await _contacts.SaveAsync(
                    tenantId,
                    new ContactChangeSet
                    {
                        ReferralsAdded = [referral],
                        VersionChecks = [ContactChangeSet.ReferralGraphCheck(chain.GraphVersion)],
                        ContactsRead = [ContactReadGuard.For(referee), ContactReadGuard.For(referrer)],
                        Events = [_eventIds.Identify(new ReferralRecorded(tenantId, now, refereeId, referrerId))],
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                Log.ReferralGraphRetry(_logger, tenantId, refereeId, attempt + 1);
                continue;
            }

            Log.ReferralRecorded(_logger, tenantId, refereeId, referrerId);
            return referral;
        }
    }

    /// <summary>The referral that brought <paramref name="refereeId"/>, or <see langword="null"/> when nobody referred them.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">The contact does not exist in the tenant (also for an id of another tenant).</exception>
    public async Task<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(refereeId);
        await RequireExistsAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false);
        var referral = await _referrals.FindReferralAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false);
        return referral is null || referral.RefereeId == refereeId
            ? referral
            : throw new InvalidOperationException($"The referral store returned the referral of '{referral.RefereeId}' when asked for '{refereeId}'.");
    }

    /// <summary>The chain from the root referrer down to <paramref name="contactId"/> (root first, the contact last).</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="InvalidOperationException">The store returned a chain that is not connected.</exception>
    /// <exception cref="ContactNotFoundException">The contact does not exist in the tenant (also for an id of another tenant).</exception>
    public async Task<ReferralChain> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        await RequireExistsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var snapshot = await _referrals.GetChainAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var members = new ContactId[snapshot.Referrals.Count + 1];
        var expected = contactId;
        for (var i = 0; i < snapshot.Referrals.Count; i++)
        {
            var edge = snapshot.Referrals[i];
            if (edge.RefereeId != expected)
            {
                throw new InvalidOperationException($"The referral store returned a broken chain for contact '{contactId}'.");
            }

            members[members.Length - 1 - i] = edge.RefereeId;
            expected = edge.ReferrerId;
        }

        members[0] = expected;
        return new ReferralChain(members);
    }

    /// <summary>Everyone <paramref name="rootId"/> referred directly or indirectly, breadth-first, each with its depth (1 = direct).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="rootId">The referrer whose downline to read.</param>
    /// <param name="maxDepth">How deep to go; by default the whole downline.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is not positive.</exception>
    /// <exception cref="ContactNotFoundException">The contact does not exist in the tenant (also for an id of another tenant).</exception>
    public async Task<IReadOnlyList<DownlineEntry>> GetDownlineAsync(
        TenantId tenantId, ContactId rootId, int maxDepth = int.MaxValue, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(rootId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        await RequireExistsAsync(tenantId, rootId, cancellationToken).ConfigureAwait(false);
        var entries = new List<DownlineEntry>();
        await foreach (var entry in _referrals.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Depth < 1 || entry.Depth > maxDepth)
            {
                throw new InvalidOperationException($"The referral store returned a downline entry at depth {entry.Depth} for a maximum depth of {maxDepth}.");
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>How many contacts <paramref name="referrerId"/> referred directly, and indirectly through their downline.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">The contact does not exist in the tenant (also for an id of another tenant).</exception>
    public async Task<ReferralCounts> GetReferralCountsAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken = default)
    {
        var direct = 0;
        var indirect = 0;
        foreach (var entry in await GetDownlineAsync(tenantId, referrerId, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Depth == 1)
            {
                direct++;
            }
            else
            {
                indirect++;
            }
        }

        return new ReferralCounts(direct, indirect);
    }

    /// <summary>Records that <paramref name="contactId"/> was asked to refer someone; the request starts <see cref="ReferralRequestOutcome.Pending"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contactId">The contact who was asked.</param>
    /// <param name="channel">How they were asked: a host-defined code of 1–32 characters [a-z0-9._-] such as <c>email</c>, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the channel breaks its rule.</exception>
    /// <exception cref="ContactNotFoundException">The contact does not exist in the tenant.</exception>
    /// <exception cref="ContactNotActiveException">The contact was merged or erased.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact or its requests kept changing concurrently for <see cref="MaxAttempts"/> attempts; nothing was written.</exception>
    public async Task<ReferralRequest> AskForReferralAsync(TenantId tenantId, ContactId contactId, string? channel = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        ValidateChannel(channel);
        var counter = ContactChangeSet.ReferralRequestsCounter(contactId);
        for (var attempt = 1; ; attempt++)
        {
            // The contact's request counter is read before the contact, so a merge that moves the contact's requests
            // (and checks the counter) and this request can never both commit with the request left on a merged contact.
            long? version = _contacts is IVersionCounterStore counters
                ? await counters.GetVersionAsync(tenantId, counter, cancellationToken).ConfigureAwait(false)
                : null;
            var asked = await RequireActiveAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            var now = _clock.GetCurrentInstant();
            var request = new ReferralRequest(ReferralRequestId.New(), contactId, now, channel, ReferralRequestOutcome.Pending, null, ConcurrencyStamp.New());
            var changes = new ContactChangeSet
            {
                ReferralRequestsCreated = [request],
                ContactsRead = [ContactReadGuard.For(asked)],
                VersionChecks = version is { } v ? [new VersionCheck(counter, v, advance: true)] : [],
                Events = [_eventIds.Identify(new ReferralRequestRecorded(tenantId, now, request.Id, contactId, request.Outcome))],
            };
            try
            {
                await _contacts.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue; // A parallel request or a change to the contact: read again (a merged contact is then refused).
            }

            Log.ReferralRequestRecorded(_logger, tenantId, request.Id, contactId, request.Outcome);
            return request;
        }
    }

    /// <summary>Records how the contact answered a referral request; a request is answered once.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is <see cref="ReferralRequestOutcome.Pending"/> or undefined.</exception>
    /// <exception cref="ReferralRequestNotFoundException">The request does not exist in the tenant.</exception>
    /// <exception cref="ReferralRequestAlreadyAnsweredException">The request already has an answer.</exception>
    /// <exception cref="ConcurrencyConflictException">The request changed since <paramref name="expectedStamp"/>; nothing was written.</exception>
    public async Task<ReferralRequest> RecordReferralRequestAnswerAsync(
        TenantId tenantId,
        ReferralRequestId requestId,
        ReferralRequestOutcome outcome,
        ConcurrencyStamp expectedStamp,
        CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ReferralRequestId.ThrowIfEmpty(requestId);
        if (outcome is not (ReferralRequestOutcome.Accepted or ReferralRequestOutcome.Declined or ReferralRequestOutcome.NoAnswer))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An answer must be Accepted, Declined or NoAnswer.");
        }

        var stored = await _referrals.FindReferralRequestAsync(tenantId, requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ReferralRequestNotFoundException(requestId);
        if (stored.Id != requestId)
        {
            throw new InvalidOperationException($"The referral store returned request '{stored.Id}' when asked for '{requestId}'.");
        }

        if (stored.Outcome != ReferralRequestOutcome.Pending)
        {
            throw new ReferralRequestAlreadyAnsweredException(requestId, stored.Outcome);
        }

        if (stored.ConcurrencyStamp != expectedStamp)
        {
            throw new ConcurrencyConflictException("referral request", requestId.ToString());
        }

        var now = _clock.GetCurrentInstant();
        var answered = new ReferralRequest(stored.Id, stored.ContactId, stored.AskedAt, stored.Channel, outcome, Instant.Max(now, stored.AskedAt), ConcurrencyStamp.New());
        await _contacts.SaveAsync(
            tenantId,
            new ContactChangeSet
            {
                ReferralRequestsUpdated = [new ReferralRequestUpdate(answered, expectedStamp)],
                Events = [_eventIds.Identify(new ReferralRequestRecorded(tenantId, now, requestId, stored.ContactId, outcome))],
            },
            cancellationToken).ConfigureAwait(false);
        Log.ReferralRequestRecorded(_logger, tenantId, requestId, stored.ContactId, outcome);
        return answered;
    }

    /// <summary>Throws <see cref="ContactNotFoundException"/> for an id unknown in the tenant, as <c>ContactManager.GetAsync</c> does; merged and erased contacts exist.</summary>
    private async Task<Contact> RequireExistsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var contact = await _contacts.FindByIdAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return contact is not null && contact.TenantId == tenantId && contact.Id == contactId
            ? contact
            : throw new ContactNotFoundException(contactId);
    }

    private async Task<Contact> RequireActiveAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var contact = await _contacts.FindByIdAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (contact is null || contact.TenantId != tenantId || contact.Id != contactId)
        {
            throw new ContactNotFoundException(contactId);
        }

        if (contact.Status != ContactStatus.Active)
        {
            throw new ContactNotActiveException(contactId, contact.Status);
        }

        return contact;
    }

    private static void ValidateChannel(string? channel)
    {
        if (channel is null)
        {
            return;
        }

        if (channel.Length is 0 or > MaxChannelLength || !channel.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException($"Channel must be a code of 1–{MaxChannelLength} characters [a-z0-9._-], such as 'email'.", nameof(channel));
        }
    }
}
