using Crm.Contacts.Referrals;
using NodaTime;

namespace Crm.Contacts.Storage;

/// <summary>
/// Reads the tenant's referral graph and referral requests. Writes go through <see cref="IContactStore.SaveAsync"/>.
/// </summary>
/// <remarks>
/// Each query answers in one store round-trip, however deep the chain: an in-memory store walks its index iteratively,
/// a relational store uses one recursive query. No implementation may recurse per node on the call stack, since chains
/// can be 10,000 deep.
/// </remarks>
public interface IReferralStore
{
    /// <summary>The current version of the tenant's referral graph; it increases with every change to its edges.</summary>
    /// <remarks>This is the read of the named version counter <see cref="ContactChangeSet.ReferralGraphCounter"/> (0 when
    /// never advanced), which change sets check and advance through <see cref="Crm.Storage.ChangeSet.VersionChecks"/>.</remarks>
    ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken);

    /// <summary>The referral that brought <paramref name="refereeId"/>, or <see langword="null"/> when nobody referred them.</summary>
    ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken);

    /// <summary>
    /// The chain of referrals from <paramref name="contactId"/> up to its root referrer: the first edge is the contact's own
    /// referral, the last names the root. Empty when nobody referred the contact. Read at one graph version, which is returned.
    /// </summary>
    ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>Everyone referred directly or indirectly by <paramref name="rootId"/>, breadth-first, each with its depth (1 = direct), down to <paramref name="maxDepth"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDepth"/> is not positive.</exception>
    IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken);

    /// <summary>The contacts <paramref name="referrerId"/> referred directly, in the order the referrals were recorded.</summary>
    ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken);

    /// <summary>The referral edges whose referrer is one of <paramref name="referrerIds"/>: per referrer in the order given, its referees in the order the referrals were recorded.</summary>
    /// <remarks>A merge re-points all referees of the absorbed contacts with this one call. The default implementation
    /// makes one call per referrer and one per referee (correct, but slow on a database): override it with one query
    /// (<c>WHERE referrer_id = ANY(@ids)</c>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="referrerIds"/> is null.</exception>
    async ValueTask<IReadOnlyList<Referral>> GetReferralsByReferrersAsync(TenantId tenantId, IReadOnlyCollection<ContactId> referrerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referrerIds);
        var edges = new List<Referral>();
        foreach (var referrerId in referrerIds.Distinct())
        {
            foreach (var refereeId in await GetDirectRefereesAsync(tenantId, referrerId, cancellationToken).ConfigureAwait(false))
            {
                if (await FindReferralAsync(tenantId, refereeId, cancellationToken).ConfigureAwait(false) is { } edge)
                {
                    edges.Add(edge);
                }
            }
        }

        return edges;
    }

    /// <summary>Every referral edge of the tenant, streamed in no particular order.</summary>
    IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken);

    /// <summary>The referral edges recorded within <paramref name="interval"/>.</summary>
    IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken);

    /// <summary>Finds a referral request by id in the tenant, or returns <see langword="null"/>.</summary>
    ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken);

    /// <summary>Every referral request made to <paramref name="contactId"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);
}
