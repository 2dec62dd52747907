using Crm.Contacts.Referrals;
using Crm.Storage;

namespace Crm.Contacts.Storage;

/// <summary>
/// Everything one manager operation writes, applied by <see cref="IContactStore.SaveAsync"/> atomically: all of it, or
/// (on any conflict) none of it.
/// </summary>
/// <remarks>
/// Managers build change sets; stores apply them. A store must check, before writing anything, that every
/// <see cref="Updated"/> contact and request still has its expected stamp, that every <see cref="ContactsRead"/> contact
/// still exists with its expected stamp, that no <see cref="Created"/> id exists, that every
/// <see cref="ChangeSet.VersionChecks"/> counter is at its expected version (the referral graph is the counter
/// <see cref="ReferralGraphCounter"/>), that no <see cref="IdempotencyKeys"/> key is already recorded, and that the
/// referral edges after the change still form a forest. Any failed check throws <see cref="ConcurrencyConflictException"/>
/// and writes nothing; a malformed change set (a record named twice, an edge to remove that does not exist, edges changed
/// without advancing <see cref="ReferralGraphCounter"/>) throws <see cref="ArgumentException"/> and writes nothing.
/// <para>A referee that would get a second referrer, or a referral that would close a cycle, reaches a store only when a
/// concurrent change slipped past the manager's checks: the store throws <see cref="ConcurrencyConflictException"/>
/// (entity <c>referral</c>, key the referee's id) — the retryable conflict a database's unique constraint on the referee
/// maps to — and the manager re-reads the graph and answers with the domain error
/// (<see cref="ReferrerAlreadySetException"/>, <see cref="ReferralCycleException"/>).</para>
/// A store that implements <see cref="Crm.Outbox.IOutboxStore"/> writes <see cref="ChangeSet.Events"/> to its outbox in the same atomic save.
/// Every record in a change set belongs to the tenant passed to <see cref="IContactStore.SaveAsync"/>.
/// </remarks>
public sealed class ContactChangeSet : ChangeSet
{
    /// <summary>An empty change set.</summary>
    public static ContactChangeSet Empty { get; } = new();

    /// <summary>New contacts.</summary>
    public IReadOnlyList<Contact> Created { get; init; } = [];

    /// <summary>Replaced contacts, each guarded by its expected stamp.</summary>
    public IReadOnlyList<ContactUpdate> Updated { get; init; } = [];

    /// <summary>Referral edges to add; the referee must have no referrer after <see cref="ReferralsRemoved"/> are applied.</summary>
    public IReadOnlyList<Referral> ReferralsAdded { get; init; } = [];

    /// <summary>Referral edges to remove (matched by referee and referrer).</summary>
    public IReadOnlyList<Referral> ReferralsRemoved { get; init; } = [];

    /// <summary>The name of the tenant's referral graph version counter (<see cref="ChangeSet.VersionChecks"/>).</summary>
    /// <remarks>A change set that adds or removes referral edges must advance it (<see cref="ReferralGraphCheck"/>); one that
    /// only depends on the graph checks it without advancing. <see cref="IReferralStore.GetGraphVersionAsync"/> reads it.</remarks>
    public const string ReferralGraphCounter = "contacts.referral_graph";

    /// <summary>The name of the version counter of the referral requests made to <paramref name="contactId"/>: a new request advances it, a merge checks it for every absorbed contact.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty.</exception>
    public static string ReferralRequestsCounter(ContactId contactId)
    {
        ContactId.ThrowIfEmpty(contactId);
        return $"contacts.referral_requests:{contactId}";
    }

    /// <summary>Contacts the operation read and relied on without writing them, each guarded by the stamp it had.</summary>
    public IReadOnlyList<ContactReadGuard> ContactsRead { get; init; } = [];

    /// <summary>A guard on the referral graph computed at <paramref name="expectedVersion"/>, advancing it when <paramref name="advance"/> (the change set alters edges).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public static VersionCheck ReferralGraphCheck(long expectedVersion, bool advance = true) => new(ReferralGraphCounter, expectedVersion, advance);

    /// <summary>Claims of <see cref="Created"/> contacts on duplicate key combinations; a store with <see cref="IContactUniqueKeys"/> refuses the change set when another active contact holds every key of a claim, other stores ignore them.</summary>
    public IReadOnlyList<DuplicateKeyClaim> DuplicateKeyClaims { get; init; } = [];

    /// <summary>New referral requests.</summary>
    public IReadOnlyList<ReferralRequest> ReferralRequestsCreated { get; init; } = [];

    /// <summary>Replaced referral requests, each guarded by its expected stamp.</summary>
    public IReadOnlyList<ReferralRequestUpdate> ReferralRequestsUpdated { get; init; } = [];

    /// <summary>Idempotency keys to record; each key must be new in the tenant and name a contact that exists after the change set.</summary>
    public IReadOnlyList<ContactIdempotencyKey> IdempotencyKeys { get; init; } = [];

    /// <summary>Merge records to append (<see cref="Merging.ContactMerger"/>); every contact a record names must exist after the change set.</summary>
    public IReadOnlyList<Merging.MergeRecord> MergesRecorded { get; init; } = [];

    /// <summary>Whether the change set writes nothing.</summary>
    public override bool IsEmpty => base.IsEmpty && Created.Count == 0 && Updated.Count == 0 && ReferralsAdded.Count == 0 && ReferralsRemoved.Count == 0
        && ReferralRequestsCreated.Count == 0 && ReferralRequestsUpdated.Count == 0 && IdempotencyKeys.Count == 0
        && MergesRecorded.Count == 0;

    /// <summary>Whether the change set only creates contacts (with their claims, idempotency keys and events), as <see cref="IContactBulkInsert.BulkInsertAsync"/> requires.</summary>
    public bool IsCreateOnly => Updated.Count == 0 && ContactsRead.Count == 0 && ReferralsAdded.Count == 0 && ReferralsRemoved.Count == 0
        && ReferralRequestsCreated.Count == 0 && ReferralRequestsUpdated.Count == 0 && MergesRecorded.Count == 0 && VersionChecks.Count == 0;

    /// <summary>How many records of each kind the change set writes and guards.</summary>
    public override string ToString() => $"ContactChangeSet ({Created.Count} created, {Updated.Count} updated, {ContactsRead.Count} read guard(s), +{ReferralsAdded.Count}/-{ReferralsRemoved.Count} referral(s), {ReferralRequestsCreated.Count + ReferralRequestsUpdated.Count} request(s), {IdempotencyKeys.Count} key(s), {MergesRecorded.Count} merge(s), {VersionChecks.Count} counter check(s), {Events.Count} event(s))";
}
