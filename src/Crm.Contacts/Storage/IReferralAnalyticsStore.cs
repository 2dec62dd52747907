using Crm.Contacts.Referrals;
using NodaTime;

namespace Crm.Contacts.Storage;

/// <summary>
/// An optional capability of a referral store: answers each referral analytics question with one query, instead of
/// <see cref="ReferralAnalytics"/> computing it from <see cref="IReferralStore"/> reads.
/// </summary>
/// <remarks>
/// Each answer must equal what the default computation gives (the rules, ties included, are those of the
/// <see cref="ReferralAnalytics"/> methods); the specification tests compare both. A store without it loses nothing but
/// speed. A relational store answers the longest chain with one recursive CTE, the top referrers with one
/// <c>GROUP BY referrer ORDER BY count DESC, referrer LIMIT @top</c>, and the request statistics with one join.
/// </remarks>
public interface IReferralAnalyticsStore
{
    /// <summary>The longest referral chain of the tenant (root first), or <see langword="null"/> when no referral was recorded; ties go to the chain whose last member has the smallest id.</summary>
    ValueTask<ReferralChain?> GetLongestChainAsync(TenantId tenantId, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="top"/> referrers with the most referrals recorded within <paramref name="interval"/>, most first (ties: smaller id first).</summary>
    ValueTask<IReadOnlyList<TopReferrer>> GetTopReferrersAsync(TenantId tenantId, Interval interval, int top, CancellationToken cancellationToken);

    /// <summary>How <paramref name="contactId"/> responds to being asked for referrals, and how many referrals followed (<see cref="ReferralAnalytics.GetReferralRequestStatsAsync"/>).</summary>
    ValueTask<ReferralRequestStats> GetReferralRequestStatsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);
}
