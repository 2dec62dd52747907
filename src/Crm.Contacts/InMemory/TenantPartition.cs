using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.InMemory;

/// <summary>One tenant's data in the in-memory store; every member is guarded by <see cref="Gate"/>.</summary>
internal sealed partial class TenantPartition
{
    public Lock Gate { get; } = new();

    public Dictionary<ContactId, Contact> Contacts { get; } = [];

    /// <summary>Contact ids in ascending order, for keyset paging.</summary>
    public SortedSet<ContactId> Order { get; } = [];

    /// <summary>Each referee's referral (at most one).</summary>
    public Dictionary<ContactId, Referral> ReferralByReferee { get; } = [];

    /// <summary>Each referrer's direct referees, in the order they were recorded.</summary>
    public Dictionary<ContactId, List<ContactId>> RefereesByReferrer { get; } = [];

    /// <summary>The referral graph version: the named counter <see cref="ContactChangeSet.ReferralGraphCounter"/>.</summary>
    public long GraphVersion => Counters.GetValueOrDefault(ContactChangeSet.ReferralGraphCounter);

    /// <summary>Named version counters (<see cref="Crm.Storage.VersionCheck"/>); absent means version 0.</summary>
    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    public Dictionary<ReferralRequestId, ReferralRequest> Requests { get; } = [];

    public Dictionary<ContactId, List<ReferralRequestId>> RequestsByContact { get; } = [];

    /// <summary>Idempotency key → the contact its create command produced.</summary>
    public Dictionary<string, ContactIdempotencyKey> IdempotencyKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks every precondition of <paramref name="changes"/>; throws before anything is written.</summary>
    public void Check(TenantId tenantId, ContactChangeSet changes)
    {
        var created = new HashSet<ContactId>();
        foreach (var contact in changes.Created)
        {
            ArgumentNullException.ThrowIfNull(contact, nameof(changes));
            RequireTenant(tenantId, contact.TenantId);
            if (Contacts.ContainsKey(contact.Id) || !created.Add(contact.Id))
            {
                throw new ConcurrencyConflictException("contact", contact.Id.ToString());
            }
        }

        var updated = new HashSet<ContactId>();
        foreach (var update in changes.Updated)
        {
            ArgumentNullException.ThrowIfNull(update, nameof(changes));
            RequireTenant(tenantId, update.Contact.TenantId);
            if (!updated.Add(update.Contact.Id))
            {
                throw new ArgumentException($"Contact '{update.Contact.Id}' is updated twice in one change set.", nameof(changes));
            }

            if (!Contacts.TryGetValue(update.Contact.Id, out var stored) || stored.ConcurrencyStamp != update.ExpectedStamp
                || update.Contact.ConcurrencyStamp == update.ExpectedStamp)
            {
                throw new ConcurrencyConflictException("contact", update.Contact.Id.ToString());
            }
        }

        foreach (var guard in changes.ContactsRead)
        {
            ArgumentNullException.ThrowIfNull(guard, nameof(changes));
            if (!Contacts.TryGetValue(guard.ContactId, out var stored) || stored.ConcurrencyStamp != guard.ExpectedStamp)
            {
                throw new ConcurrencyConflictException("contact", guard.ContactId.ToString());
            }
        }

        CheckVersionCounters(changes); // first: a stale graph version explains any edge that no longer matches
        CheckReferrals(changes);
        CheckIdempotencyKeys(changes, created);
        CheckDuplicateKeyClaims(changes, created); // TenantPartition.Duplicates.cs
        CheckMergeRecords(changes, created); // TenantPartition.Duplicates.cs

        foreach (var request in changes.ReferralRequestsCreated)
        {
            if (Requests.ContainsKey(request.Id))
            {
                throw new ConcurrencyConflictException("referral request", request.Id.ToString());
            }
        }

        foreach (var update in changes.ReferralRequestsUpdated)
        {
            if (!Requests.TryGetValue(update.Request.Id, out var stored) || stored.ConcurrencyStamp != update.ExpectedStamp
                || update.Request.ConcurrencyStamp == update.ExpectedStamp)
            {
                throw new ConcurrencyConflictException("referral request", update.Request.Id.ToString());
            }
        }
    }

    /// <summary>Writes <paramref name="changes"/>; call only after <see cref="Check"/> passed under the same lock.</summary>
    public void Apply(ContactChangeSet changes)
    {
        ApplyDuplicateIndex(changes); // TenantPartition.Duplicates.cs: before the contacts change, to read the old snapshots
        foreach (var contact in changes.Created)
        {
            Contacts.Add(contact.Id, contact);
            Order.Add(contact.Id);
        }

        foreach (var update in changes.Updated)
        {
            Contacts[update.Contact.Id] = update.Contact;
        }

        foreach (var referral in changes.ReferralsRemoved)
        {
            ReferralByReferee.Remove(referral.RefereeId);
            var siblings = RefereesByReferrer[referral.ReferrerId];
            siblings.Remove(referral.RefereeId);
            if (siblings.Count == 0)
            {
                RefereesByReferrer.Remove(referral.ReferrerId);
            }
        }

        foreach (var referral in changes.ReferralsAdded)
        {
            ReferralByReferee.Add(referral.RefereeId, referral);
            if (!RefereesByReferrer.TryGetValue(referral.ReferrerId, out var referees))
            {
                RefereesByReferrer[referral.ReferrerId] = referees = [];
            }

            referees.Add(referral.RefereeId);
        }

        foreach (var request in changes.ReferralRequestsCreated)
        {
            Requests.Add(request.Id, request);
            if (!RequestsByContact.TryGetValue(request.ContactId, out var ids))
            {
                RequestsByContact[request.ContactId] = ids = [];
            }

            ids.Add(request.Id);
        }

        foreach (var update in changes.ReferralRequestsUpdated)
        {
            var previous = Requests[update.Request.Id];
            Requests[update.Request.Id] = update.Request;
            if (previous.ContactId != update.Request.ContactId)
            {
                // A merge moved the request to the survivor: re-index it (GetReferralRequestsAsync orders by AskedAt).
                var ids = RequestsByContact[previous.ContactId];
                ids.Remove(update.Request.Id);
                if (ids.Count == 0)
                {
                    RequestsByContact.Remove(previous.ContactId);
                }

                if (!RequestsByContact.TryGetValue(update.Request.ContactId, out var target))
                {
                    RequestsByContact[update.Request.ContactId] = target = [];
                }

                target.Add(update.Request.Id);
            }
        }

        foreach (var key in changes.IdempotencyKeys)
        {
            IdempotencyKeys.Add(key.Key, key);
        }

        ApplyMergeRecords(changes); // TenantPartition.Duplicates.cs
        foreach (var check in changes.VersionChecks)
        {
            if (check.Advance)
            {
                Counters[check.Counter] = check.ExpectedVersion + 1;
            }
        }
    }

    private void CheckVersionCounters(ContactChangeSet changes)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in changes.VersionChecks)
        {
            ArgumentNullException.ThrowIfNull(check, nameof(changes));
            if (!named.Add(check.Counter))
            {
                throw new ArgumentException($"Version counter '{check.Counter}' is named twice in one change set.", nameof(changes));
            }

            if (Counters.GetValueOrDefault(check.Counter) != check.ExpectedVersion)
            {
                throw new ConcurrencyConflictException("version counter", check.Counter);
            }
        }
    }

    private void CheckIdempotencyKeys(ContactChangeSet changes, HashSet<ContactId> created)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in changes.IdempotencyKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(changes));
            if (!created.Contains(key.ContactId) && !Contacts.ContainsKey(key.ContactId))
            {
                throw new ArgumentException($"An idempotency key names contact '{key.ContactId}', which the change set neither creates nor finds.", nameof(changes));
            }

            if (IdempotencyKeys.ContainsKey(key.Key) || !keys.Add(key.Key))
            {
                throw new ConcurrencyConflictException("idempotency key", key.ContactId.ToString());
            }
        }
    }

    private void CheckReferrals(ContactChangeSet changes)
    {
        // The graph version itself is a named counter, checked with the others (CheckVersionCounters). A change set may
        // depend on the graph without changing it (a merge that found no edge to re-point) by checking it without advancing.
        if (changes.ReferralsAdded.Count == 0 && changes.ReferralsRemoved.Count == 0)
        {
            return;
        }

        if (!changes.VersionChecks.Any(c => c is { Counter: ContactChangeSet.ReferralGraphCounter, Advance: true }))
        {
            throw new ArgumentException($"A change set that adds or removes referral edges must advance the version counter '{ContactChangeSet.ReferralGraphCounter}'.", nameof(changes));
        }

        // Simulate the edge changes on the referrer-of map so the invariants are checked on the result.
        var removed = new HashSet<ContactId>();
        foreach (var referral in changes.ReferralsRemoved)
        {
            if (!ReferralByReferee.TryGetValue(referral.RefereeId, out var stored) || stored.ReferrerId != referral.ReferrerId
                || !removed.Add(referral.RefereeId))
            {
                throw new ArgumentException($"The referral of '{referral.RefereeId}' by '{referral.ReferrerId}' to remove does not exist.", nameof(changes));
            }
        }

        var added = new Dictionary<ContactId, ContactId>();
        foreach (var referral in changes.ReferralsAdded)
        {
            var hasReferrer = ReferralByReferee.ContainsKey(referral.RefereeId) && !removed.Contains(referral.RefereeId);
            if (hasReferrer || !added.TryAdd(referral.RefereeId, referral.ReferrerId))
            {
                // A concurrent referral got there first: the retryable conflict a unique constraint on the referee maps to.
                throw new ConcurrencyConflictException("referral", referral.RefereeId.ToString());
            }
        }

        // Defensive acyclicity check (the manager has already proven it): walk up from each new referee; a node whose
        // walk already reached a root is remembered, so a bulk change of n edges costs O(n) rather than O(n × depth).
        var reachesRoot = new HashSet<ContactId>();
        var path = new HashSet<ContactId>();
        foreach (var referee in added.Keys)
        {
            path.Clear();
            ContactId? current = referee;
            while (current is { } node && !reachesRoot.Contains(node))
            {
                if (!path.Add(node))
                {
                    throw new ConcurrencyConflictException("referral", referee.ToString());
                }

                current = ReferrerAfterChanges(node, added, removed);
            }

            reachesRoot.UnionWith(path);
        }
    }

    private ContactId? ReferrerAfterChanges(ContactId referee, Dictionary<ContactId, ContactId> added, HashSet<ContactId> removed)
    {
        if (added.TryGetValue(referee, out var referrer))
        {
            return referrer;
        }

        return !removed.Contains(referee) && ReferralByReferee.TryGetValue(referee, out var edge) ? edge.ReferrerId : null;
    }

    private static void RequireTenant(TenantId expected, TenantId actual)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"A change set for tenant '{expected}' holds a record of another tenant.", nameof(actual));
        }
    }
}
