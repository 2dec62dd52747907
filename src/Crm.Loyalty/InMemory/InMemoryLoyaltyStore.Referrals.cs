using Crm.Loyalty.Referrals;
using Crm.Loyalty.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty.InMemory;

public sealed partial class InMemoryLoyaltyStore : ILoyaltyReferralStore, ILoyaltyMemberMergeStore
{
    /// <inheritdoc />
    public ValueTask<LoyaltyReferral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
        => Read(tenantId, refereeId, static (p, id) => p.Referral(id), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LoyaltyReferral>> ListDueReferralsAsync(TenantId tenantId, Instant asOf, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PageRequest.MaxPageSize);
        return Read<(Instant, int), IReadOnlyList<LoyaltyReferral>>(
            tenantId,
            (asOf, count),
            static (p, q) => p.Referrals.Values
                .Where(r => r.Status == ReferralStatus.Qualified && r.EligibleAt <= q.Item1)
                .OrderBy(r => r.EligibleAt).ThenBy(r => r.RefereeId)
                .Take(q.Item2)
                .Select(r => p.Referral(r.RefereeId)!)
                .ToList(),
            [],
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ReferralRejection>> ListReferralRejectionsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read<ContactId, IReadOnlyList<ReferralRejection>>(tenantId, contactId, static (p, id) => p.Rejections.Where(r => r.RefereeId == id || r.ReferrerId == id).ToList(), [], cancellationToken);

    /// <inheritdoc />
    public ValueTask<ReferralRejection?> FindReferralRejectionAsync(TenantId tenantId, string sourceKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceKey);
        return Read(tenantId, sourceKey, static (p, key) => p.RejectionsBySource.GetValueOrDefault(key), null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> CountReferrerRewardsAsync(TenantId tenantId, ContactId referrerId, Instant from, Instant to, CancellationToken cancellationToken)
        => Read(
            tenantId,
            (referrerId, from, to),
            static (p, q) => p.ByMember.TryGetValue(q.referrerId, out var entries)
                ? entries.Count(e => e.RecordedAt >= q.from && e.RecordedAt < q.to && LoyaltyPartition.IsReferrerReward(e))
                : 0,
            0,
            cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveReferralAsync(TenantId tenantId, ReferralChangeSet changes, CancellationToken cancellationToken)
        => WriteAtomically(tenantId, changes, static (p, t, c) => p.CheckReferral(t, c), static (p, c) => p.ApplyReferral(c), cancellationToken);

    /// <inheritdoc />
    public ValueTask<ContactId?> FindMergeSurvivorAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read<ContactId, ContactId?>(tenantId, contactId, static (p, id) => p.Merges.TryGetValue(id, out var survivor) ? survivor : null, null, cancellationToken);

    /// <inheritdoc />
    public ValueTask MergeMembersAsync(TenantId tenantId, LedgerMergeChangeSet changes, CancellationToken cancellationToken)
        => WriteAtomically(tenantId, changes, static (p, _, c) => p.CheckMerge(c), static (p, c) => p.ApplyMerge(c), cancellationToken);

    /// <summary>Checks, then applies, a change set and appends its events under the tenant's lock: all of it or none.</summary>
    private ValueTask WriteAtomically<TChanges>(TenantId tenantId, TChanges changes, Action<LoyaltyPartition, TenantId, TChanges> check, Action<LoyaltyPartition, TChanges> apply, CancellationToken cancellationToken)
        where TChanges : ChangeSet
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var partition = _tenants.GetOrAdd(tenantId, static _ => new LoyaltyPartition());
        lock (partition.Gate)
        {
            check(partition, tenantId, changes);
            Outbox.Check(tenantId, changes.Events);
            apply(partition, changes);
            Outbox.Append(changes.Events);
        }

        return ValueTask.CompletedTask;
    }
}
