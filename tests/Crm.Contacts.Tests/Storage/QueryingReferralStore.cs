using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using NodaTime;

namespace Crm.Contacts.Tests.Storage;

/// <summary>
/// The in-memory store with the analytics capability answered the way a database would — each question as one
/// set-based "query" over the stored edges and requests (depth by walking up with memoization, a GROUP BY, a join) —
/// independently of <see cref="ReferralAnalytics"/>'s own computation, which the specification compares it with.
/// </summary>
public class QueryingReferralStore : ForwardingStore, IReferralAnalyticsStore
{
    public async ValueTask<ReferralChain?> GetLongestChainAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var referrerOf = new Dictionary<ContactId, ContactId>();
        await foreach (var edge in GetAllReferralsAsync(tenantId, cancellationToken))
        {
            referrerOf.Add(edge.RefereeId, edge.ReferrerId);
        }

        if (referrerOf.Count == 0)
        {
            return null;
        }

        var depth = new Dictionary<ContactId, int>();
        int DepthOf(ContactId id)
        {
            var path = new Stack<ContactId>();
            var current = id;
            while (!depth.ContainsKey(current) && referrerOf.TryGetValue(current, out var up))
            {
                path.Push(current);
                current = up;
            }

            var d = depth.GetValueOrDefault(current);
            while (path.TryPop(out var next))
            {
                depth[next] = ++d;
            }

            return depth.GetValueOrDefault(id);
        }

        // ORDER BY depth DESC, id LIMIT 1, then walk up.
        var last = referrerOf.Keys.OrderByDescending(DepthOf).ThenBy(id => id).First();
        var members = new List<ContactId> { last };
        while (referrerOf.TryGetValue(members[^1], out var up))
        {
            members.Add(up);
        }

        members.Reverse();
        return new ReferralChain(members);
    }

    public virtual async ValueTask<IReadOnlyList<TopReferrer>> GetTopReferrersAsync(TenantId tenantId, Interval interval, int top, CancellationToken cancellationToken)
    {
        var edges = new List<Referral>();
        await foreach (var edge in GetAllReferralsAsync(tenantId, cancellationToken))
        {
            if (interval.Contains(edge.ReferredAt))
            {
                edges.Add(edge);
            }
        }

        return [.. edges.GroupBy(e => e.ReferrerId).Select(g => new TopReferrer(g.Key, g.Count())).OrderByDescending(t => t.Referrals).ThenBy(t => t.ReferrerId).Take(top)];
    }

    public async ValueTask<ReferralRequestStats> GetReferralRequestStatsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var requests = await GetReferralRequestsAsync(tenantId, contactId, cancellationToken);
        var ids = requests.Select(r => r.Id).ToHashSet();
        var followed = 0;
        await foreach (var edge in GetAllReferralsAsync(tenantId, cancellationToken))
        {
            if (edge.RequestId is { } id && ids.Contains(id))
            {
                followed++;
            }
        }

        return new ReferralRequestStats(
            requests.Count,
            requests.Count(r => r.Outcome == ReferralRequestOutcome.Accepted),
            requests.Count(r => r.Outcome == ReferralRequestOutcome.Declined),
            requests.Count(r => r.Outcome == ReferralRequestOutcome.NoAnswer),
            requests.Count(r => r.Outcome == ReferralRequestOutcome.Pending),
            followed);
    }
}
