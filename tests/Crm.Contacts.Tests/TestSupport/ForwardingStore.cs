using Crm.Contacts.Duplicates;
using Crm.Contacts.InMemory;
using Crm.Contacts.Merging;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Outbox;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>
/// Every capability of <see cref="InMemoryContactStore"/>, forwarded to a wrapped one through virtual members: a
/// subclass changes one behaviour (a deliberately broken store for the sensitivity tests, or a store that answers the
/// analytics itself).
/// </summary>
public abstract class ForwardingStore(InMemoryContactStore? inner = null)
    : IContactStore, IReferralStore, IOutboxStore, IVersionCounterStore, IContactIdempotencyKeyPurge, IContactUniqueKeys, IContactDuplicateIndex, IContactMergeHistory, IContactBulkInsert
{
    protected InMemoryContactStore Inner { get; } = inner ?? new InMemoryContactStore();

    public virtual ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => Inner.FindByIdAsync(tenantId, contactId, cancellationToken);

    public virtual ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => Inner.ListAsync(tenantId, page, cancellationToken);

    public virtual ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => Inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

    public virtual ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => Inner.SaveAsync(tenantId, changes, cancellationToken);

    public virtual ValueTask BulkInsertAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => Inner.BulkInsertAsync(tenantId, changes, cancellationToken);

    public virtual ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => Inner.GetGraphVersionAsync(tenantId, cancellationToken);

    public virtual ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken) => Inner.FindReferralAsync(tenantId, refereeId, cancellationToken);

    public virtual ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => Inner.GetChainAsync(tenantId, contactId, cancellationToken);

    public virtual IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken) => Inner.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken);

    public virtual ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken) => Inner.GetDirectRefereesAsync(tenantId, referrerId, cancellationToken);

    public virtual ValueTask<IReadOnlyList<Referral>> GetReferralsByReferrersAsync(TenantId tenantId, IReadOnlyCollection<ContactId> referrerIds, CancellationToken cancellationToken)
        => ((IReferralStore)Inner).GetReferralsByReferrersAsync(tenantId, referrerIds, cancellationToken);

    public virtual IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken) => Inner.GetAllReferralsAsync(tenantId, cancellationToken);

    public virtual IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken) => Inner.GetReferralsInIntervalAsync(tenantId, interval, cancellationToken);

    public virtual ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken) => Inner.FindReferralRequestAsync(tenantId, requestId, cancellationToken);

    public virtual ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => Inner.GetReferralRequestsAsync(tenantId, contactId, cancellationToken);

    public virtual ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken) => Inner.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

    public virtual ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken) => Inner.CompleteAsync(lease, deliveredAt, cancellationToken);

    public virtual ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken) => Inner.FailAsync(lease, error, retryAt, cancellationToken);

    public virtual ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken) => Inner.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

    public virtual ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken) => Inner.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);

    public virtual ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => Inner.GetVersionAsync(tenantId, counter, cancellationToken);

    public virtual ValueTask<int> PurgeIdempotencyKeysAsync(TenantId tenantId, Instant recordedBefore, CancellationToken cancellationToken) => Inner.PurgeIdempotencyKeysAsync(tenantId, recordedBefore, cancellationToken);

    public virtual bool EnforcesDuplicateKeyClaims => Inner.EnforcesDuplicateKeyClaims;

    public virtual ValueTask<IReadOnlyList<DuplicateKeyMatch>> FindByDuplicateKeysAsync(TenantId tenantId, IReadOnlyCollection<DuplicateKey> keys, int limitPerKey, CancellationToken cancellationToken)
        => Inner.FindByDuplicateKeysAsync(tenantId, keys, limitPerKey, cancellationToken);

    public virtual ValueTask<IReadOnlyList<MergeRecord>> GetMergeHistoryAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => Inner.GetMergeHistoryAsync(tenantId, contactId, cancellationToken);

    /// <summary>A copy of <paramref name="changes"/> with the given parts replaced.</summary>
    public static ContactChangeSet Copy(
        ContactChangeSet changes,
        IReadOnlyList<ContactUpdate>? updated = null,
        IReadOnlyList<ContactReadGuard>? read = null,
        IReadOnlyList<VersionCheck>? checks = null,
        IReadOnlyList<DuplicateKeyClaim>? claims = null,
        IReadOnlyList<CrmEvent>? events = null) => new()
    {
        Created = changes.Created,
        Updated = updated ?? changes.Updated,
        ReferralsAdded = changes.ReferralsAdded,
        ReferralsRemoved = changes.ReferralsRemoved,
        ContactsRead = read ?? changes.ContactsRead,
        DuplicateKeyClaims = claims ?? changes.DuplicateKeyClaims,
        ReferralRequestsCreated = changes.ReferralRequestsCreated,
        ReferralRequestsUpdated = changes.ReferralRequestsUpdated,
        IdempotencyKeys = changes.IdempotencyKeys,
        MergesRecorded = changes.MergesRecorded,
        VersionChecks = checks ?? changes.VersionChecks,
        Events = events ?? changes.Events,
    };
}
