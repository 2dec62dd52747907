using Crm.Contacts.Referrals;
using Crm.Storage;

namespace Crm.Contacts.Storage;

/// <summary>
/// Everything one manager operation writes, applied by <see cref="IContactStore.SaveAsync"/> atomically: all of it, or
/// (on any conflict) none of it.
/// </summary>
/// <remarks>
/// Managers build change sets; stores apply them. A store must check, before writing anything, that every
/// <see cref="Updated"/> contact and request still has its expected stamp, that no <see cref="Created"/> id exists, and,
/// when <see cref="ExpectedReferralGraphVersion"/> is set, that the tenant's referral graph is still at that version (the
/// version then increases by one), that every <see cref="ChangeSet.VersionChecks"/> counter is at its expected version,
/// and that no <see cref="IdempotencyKeys"/> key is already recorded. Any failed check throws <see cref="ConcurrencyConflictException"/> and writes nothing.
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

    /// <summary>The referral graph version the change was computed against: required when referral edges change, and checked whenever it is set.</summary>
    public long? ExpectedReferralGraphVersion { get; init; }

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
}
