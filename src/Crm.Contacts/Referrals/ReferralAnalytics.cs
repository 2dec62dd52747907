using Crm.Contacts.Storage;
using NodaTime;

namespace Crm.Contacts.Referrals;

/// <summary>Answers questions about the whole referral graph and about referral requests: the longest chain, the top referrers of a period, and how a contact responds to being asked.</summary>
/// <remarks>
/// <para>When the registered store implements <see cref="IReferralAnalyticsStore"/>, each question is one call to it (a
/// database answers with one query; the answer is re-checked for plausibility). Otherwise the default computes it here
/// from <see cref="IReferralStore"/> reads, as the in-memory store needs: the longest chain in one streamed pass over all
/// edges, linear in their number; the top referrers in one streamed read of the period's edges; the request statistics in
/// two reads plus one per direct referee.</para>
/// <para>Register it scoped (<c>AddContacts</c> does).</para>
/// </remarks>
public sealed class ReferralAnalytics
{
    private readonly IContactStore _contacts;
    private readonly IReferralStore _referrals;
    private readonly IReferralAnalyticsStore? _analytics;

    /// <summary>Creates the service; uses <see cref="IReferralAnalyticsStore"/> when <paramref name="referrals"/> implements it.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ReferralAnalytics(IContactStore contacts, IReferralStore referrals)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(referrals);
        _contacts = contacts;
        _referrals = referrals;
        _analytics = referrals as IReferralAnalyticsStore;
    }

    /// <summary>The longest referral chain of the tenant (the "golden referral chain"), or <see langword="null"/> when no referral was recorded.</summary>
    /// <remarks>
    /// Computed in one pass over the tenant's referral edges and time linear in their number (breadth-first from every
    /// root, no recursion). Among chains of equal length the one whose last member has the smallest id wins, which makes
    /// the answer deterministic.
    /// </remarks>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="InvalidOperationException">The store returned a graph with a cycle or a second referrer.</exception>
    public async Task<ReferralChain?> GetLongestChainAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        if (_analytics is not null)
        {
            var answered = await _analytics.GetLongestChainAsync(tenantId, cancellationToken).ConfigureAwait(false);
            return answered is null || answered.Members.Count >= 2
                ? answered
                : throw new InvalidOperationException("The referral analytics store returned a chain of fewer than two members.");
        }

        var referrerOf = new Dictionary<ContactId, ContactId>();
        var referees = new Dictionary<ContactId, List<ContactId>>();
        await foreach (var referral in _referrals.GetAllReferralsAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            if (!referrerOf.TryAdd(referral.RefereeId, referral.ReferrerId))
            {
                throw new InvalidOperationException($"The referral store returned two referrers for contact '{referral.RefereeId}'.");
            }

            if (!referees.TryGetValue(referral.ReferrerId, out var list))
            {
                referees[referral.ReferrerId] = list = [];
            }

            list.Add(referral.RefereeId);
        }

        if (referrerOf.Count == 0)
        {
            return null;
        }

        var deepest = default(ContactId);
        var deepestDepth = -1;
        var visited = 0;
        var frontier = new Queue<(ContactId Id, int Depth)>();
        foreach (var root in referees.Keys.Where(id => !referrerOf.ContainsKey(id)))
        {
            frontier.Enqueue((root, 0));
        }

        while (frontier.TryDequeue(out var node))
        {
            if (node.Depth > deepestDepth || (node.Depth == deepestDepth && node.Id < deepest))
            {
                (deepest, deepestDepth) = (node.Id, node.Depth);
            }

            if (referees.TryGetValue(node.Id, out var children))
            {
                foreach (var child in children)
                {
                    visited++;
                    frontier.Enqueue((child, node.Depth + 1));
                }
            }
        }

        if (visited != referrerOf.Count)
        {
            throw new InvalidOperationException("The referral store returned a graph with a cycle: some referees are not reachable from any root referrer.");
        }

        var members = new ContactId[deepestDepth + 1];
        var current = deepest;
        for (var i = deepestDepth; i > 0; i--)
        {
            members[i] = current;
            current = referrerOf[current];
        }

        members[0] = current;
        return new ReferralChain(members);
    }

    /// <summary>The referrers with the most referrals recorded within <paramref name="interval"/>, most first (ties: smaller id first).</summary>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public async Task<IReadOnlyList<TopReferrer>> GetTopReferrersAsync(TenantId tenantId, Interval interval, int top, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        if (_analytics is not null)
        {
            var answered = await _analytics.GetTopReferrersAsync(tenantId, interval, top, cancellationToken).ConfigureAwait(false);
            return answered.Count <= top
                ? answered
                : throw new InvalidOperationException($"The referral analytics store returned {answered.Count} top referrers when asked for at most {top}.");
        }

        var counts = new Dictionary<ContactId, int>();
        await foreach (var referral in _referrals.GetReferralsInIntervalAsync(tenantId, interval, cancellationToken).ConfigureAwait(false))
        {
            if (!interval.Contains(referral.ReferredAt))
            {
                throw new InvalidOperationException("The referral store returned a referral outside the requested interval.");
            }

            counts[referral.ReferrerId] = counts.GetValueOrDefault(referral.ReferrerId) + 1;
        }

        return [.. counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Take(top)
            .Select(pair => new TopReferrer(pair.Key, pair.Value))];
    }

    /// <summary>The referrers with the most referrals recorded on the dates of <paramref name="dates"/> in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is not positive.</exception>
    public Task<IReadOnlyList<TopReferrer>> GetTopReferrersAsync(
        TenantId tenantId, DateInterval dates, DateTimeZone zone, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(zone);
        var interval = new Interval(dates.Start.AtStartOfDayInZone(zone).ToInstant(), dates.End.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        return GetTopReferrersAsync(tenantId, interval, top, cancellationToken);
    }

    /// <summary>How <paramref name="contactId"/> responds to being asked for referrals, and how many referrals followed.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">The contact does not exist in the tenant (also for an id of another tenant).</exception>
    public async Task<ReferralRequestStats> GetReferralRequestStatsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        await RequireExistsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (_analytics is not null)
        {
            var answered = await _analytics.GetReferralRequestStatsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            return answered.Accepted + answered.Declined + answered.NoAnswer + answered.Pending == answered.Asked
                ? answered
                : throw new InvalidOperationException($"The referral analytics store returned request statistics for contact '{contactId}' whose outcomes do not add up.");
        }

        var requests = await _referrals.GetReferralRequestsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var ids = new HashSet<ReferralRequestId>();
        int accepted = 0, declined = 0, noAnswer = 0, pending = 0;
        foreach (var request in requests)
        {
            if (request.ContactId != contactId || !ids.Add(request.Id))
            {
                throw new InvalidOperationException($"The referral store returned a request of another contact, or twice, for contact '{contactId}'.");
            }

            switch (request.Outcome)
            {
                case ReferralRequestOutcome.Accepted: accepted++; break;
                case ReferralRequestOutcome.Declined: declined++; break;
                case ReferralRequestOutcome.NoAnswer: noAnswer++; break;
                default: pending++; break;
            }
        }

        var followed = 0;
        if (ids.Count > 0)
        {
            foreach (var referee in await _referrals.GetDirectRefereesAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false))
            {
                var referral = await _referrals.FindReferralAsync(tenantId, referee, cancellationToken).ConfigureAwait(false);
                if (referral?.RequestId is { } rid && ids.Contains(rid))
                {
                    followed++;
                }
            }
        }

        return new ReferralRequestStats(requests.Count, accepted, declined, noAnswer, pending, followed);
    }

    private async Task RequireExistsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var contact = await _contacts.FindByIdAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (contact is null || contact.TenantId != tenantId || contact.Id != contactId)
        {
            throw new ContactNotFoundException(contactId);
        }
    }
}
