using Crm.Contacts;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using NodaTime;

namespace Crm.Testing.Contacts;

/// <summary>
/// The referral analytics capability (<see cref="IReferralAnalyticsStore"/>) of a referral store: on random referral
/// forests (seeded, so a failure reproduces) with referral requests, every answer the store gives — the longest chain, the
/// top referrers of several periods, the request statistics of every contact — equals what <see cref="ReferralAnalytics"/>
/// computes from <see cref="IReferralStore"/> reads alone on the same data, ties included.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the referral store and its analytics capability.</typeparam>
public abstract class ReferralAnalyticsSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IReferralStore, IReferralAnalyticsStore
{
    /// <summary>How many contacts each random forest has.</summary>
    protected const int ForestSize = 60;

    /// <summary>The store's longest chain equals the computed one (ties: the chain whose last member has the smallest id).</summary>
    /// <param name="seed">The seed of the forest.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_longest_chain_equals_the_computed_one(int seed)
    {
        var store = CreateStore();
        await BuildForestAsync(store, seed).ConfigureAwait(false);
        var (answered, computed) = Both(store);

        var expected = await computed.GetLongestChainAsync(TenantA).ConfigureAwait(false);
        var actual = await answered.GetLongestChainAsync(TenantA).ConfigureAwait(false);

        expected.Should().NotBeNull();
        actual!.Members.Should().Equal(expected!.Members);
        (await store.GetLongestChainAsync(TenantB, CancellationToken.None).ConfigureAwait(false)).Should().BeNull("a tenant without referrals has no chain");
    }

    /// <summary>The store's top referrers equal the computed ones for the whole time, a part of it and an empty period, for several sizes (ties: smaller id first).</summary>
    /// <param name="seed">The seed of the forest.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Top_referrers_equal_the_computed_ones(int seed)
    {
        var store = CreateStore();
        var (from, to) = await BuildForestAsync(store, seed).ConfigureAwait(false);
        var (answered, computed) = Both(store);
        var middle = from + ((to - from) / 2);
        var intervals = new[] { new Interval(from, to + Duration.FromSeconds(1)), new Interval(from, middle), new Interval(middle, to), new Interval(to + Duration.FromDays(1), to + Duration.FromDays(2)) };

        foreach (var interval in intervals)
        {
            foreach (var top in new[] { 1, 3, 10, ForestSize })
            {
                var expected = await computed.GetTopReferrersAsync(TenantA, interval, top).ConfigureAwait(false);
                var actual = await answered.GetTopReferrersAsync(TenantA, interval, top).ConfigureAwait(false);
                actual.Should().Equal(expected, $"the top {top} of {interval} must match");
            }
        }

        (await store.GetTopReferrersAsync(TenantB, intervals[0], 10, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
    }

    /// <summary>The store's referral request statistics equal the computed ones for every contact of the forest.</summary>
    /// <param name="seed">The seed of the forest.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Request_statistics_equal_the_computed_ones(int seed)
    {
        var store = CreateStore();
        await BuildForestAsync(store, seed).ConfigureAwait(false);
        var (answered, computed) = Both(store);

        foreach (var contact in await ListAllAsync(store, TenantA).ConfigureAwait(false))
        {
            var expected = await computed.GetReferralRequestStatsAsync(TenantA, contact.Id).ConfigureAwait(false);
            (await answered.GetReferralRequestStatsAsync(TenantA, contact.Id).ConfigureAwait(false)).Should().Be(expected, $"the statistics of contact {contact.Id} must match");
        }
    }

    /// <summary>Builds a random referral forest of <see cref="ForestSize"/> contacts in tenant A through the managers, with referral requests (some answered, some followed by a referral), and returns the first and last referral instants.</summary>
    /// <param name="store">The store under test.</param>
    /// <param name="seed">The seed of the <see cref="Random"/> that shapes the forest.</param>
    protected async Task<(Instant From, Instant To)> BuildForestAsync(TStore store, int seed)
    {
        var random = new Random(seed);
        var manager = CreateManager(store);
        var referrals = CreateReferralManager(store);
        var ids = new List<ContactId>();
        for (var i = 0; i < ForestSize; i++)
        {
            ids.Add((await manager.CreateAsync(TenantA, new ContactDraft()).ConfigureAwait(false)).Id);
        }

        var requests = new Dictionary<ContactId, List<ReferralRequest>>();
        foreach (var id in ids.Where(_ => random.Next(3) == 0))
        {
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var request = await referrals.AskForReferralAsync(TenantA, id, "email").ConfigureAwait(false);
                var outcome = random.Next(4) switch
                {
                    0 => ReferralRequestOutcome.Accepted,
                    1 => ReferralRequestOutcome.Declined,
                    2 => ReferralRequestOutcome.NoAnswer,
                    _ => ReferralRequestOutcome.Pending,
                };
                if (outcome != ReferralRequestOutcome.Pending)
                {
                    request = await referrals.RecordReferralRequestAnswerAsync(TenantA, request.Id, outcome, request.ConcurrencyStamp).ConfigureAwait(false);
                }

                (requests.TryGetValue(id, out var list) ? list : requests[id] = []).Add(request);
            }
        }

        Instant? from = null;
        var to = Clock.GetCurrentInstant();
        for (var i = 1; i < ids.Count; i++)
        {
            if (random.Next(5) == 0)
            {
                continue; // a root
            }

            // Referrers come from earlier contacts only, so the graph stays a forest; shallow and deep trees both occur.
            var referrer = ids[random.Next(Math.Max(0, i - 1 - random.Next(4)), i)];
            var requestId = requests.TryGetValue(referrer, out var asked) && random.Next(2) == 0 ? asked[random.Next(asked.Count)].Id : (ReferralRequestId?)null;
            Clock.Advance(Duration.FromMinutes(random.Next(1, 120)));
            var recorded = await referrals.RecordReferralAsync(TenantA, ids[i], referrer, requestId).ConfigureAwait(false);
            from ??= recorded.ReferredAt;
            to = recorded.ReferredAt;
        }

        return (from ?? to, to);
    }

    private static (ReferralAnalytics Answered, ReferralAnalytics Computed) Both(TStore store)
        => (new ReferralAnalytics(store, store), new ReferralAnalytics(store, new ReadsOnly(store)));

    /// <summary>The referral store without its analytics capability, so <see cref="ReferralAnalytics"/> computes every answer itself.</summary>
    private sealed class ReadsOnly(IReferralStore inner) : IReferralStore
    {
        public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => inner.GetGraphVersionAsync(tenantId, cancellationToken);

        public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken) => inner.FindReferralAsync(tenantId, refereeId, cancellationToken);

        public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => inner.GetChainAsync(tenantId, contactId, cancellationToken);

        public IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken) => inner.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken);

        public ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken) => inner.GetDirectRefereesAsync(tenantId, referrerId, cancellationToken);

        public IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken) => inner.GetAllReferralsAsync(tenantId, cancellationToken);

        public IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken) => inner.GetReferralsInIntervalAsync(tenantId, interval, cancellationToken);

        public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken) => inner.FindReferralRequestAsync(tenantId, requestId, cancellationToken);

        public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => inner.GetReferralRequestsAsync(tenantId, contactId, cancellationToken);
    }
}
