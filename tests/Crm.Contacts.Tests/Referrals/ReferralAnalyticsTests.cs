using Crm.Contacts.InMemory;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Referrals;

public sealed class ReferralAnalyticsTests
{
    [Fact]
    public async Task Analytics_StoreWithTheCapability_AnswersEachQuestionWithOneCallToIt()
    {
        var inner = new InMemoryContactStore();
        var store = new AnsweringStore(inner);
        var h = new ContactsHarness(store: inner);
        var ids = await h.SeedAsync(2);
        var analytics = new ReferralAnalytics(inner, store);

        (await analytics.GetLongestChainAsync(TenantA))!.Members.Should().Equal(store.Chain.Members);
        (await analytics.GetTopReferrersAsync(TenantA, new Interval(null, null), 3)).Should().Equal(store.Top);
        (await analytics.GetReferralRequestStatsAsync(TenantA, ids[0])).Should().Be(store.Stats);
        store.Calls.Should().Equal("chain", "top", "stats");
    }

    [Fact]
    public async Task Analytics_StoreAnsweringMoreThanTop_IsRefused()
    {
        var store = new AnsweringStore(new InMemoryContactStore());
        var analytics = new ReferralAnalytics(store.Inner, store);

        var act = () => analytics.GetTopReferrersAsync(TenantA, new Interval(null, null), 1);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*2 top referrers*at most 1*");
    }

    [Fact]
    public async Task Analytics_StoreWithoutTheCapability_ComputesTheDefault()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(3);
        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[2], ids[1]);

        (await h.Analytics.GetLongestChainAsync(TenantA))!.Members.Should().Equal(ids);
        (await h.Analytics.GetTopReferrersAsync(TenantA, new Interval(null, null), 5)).Should().HaveCount(2);
    }

    [Fact]
    public void AddContacts_RegistersReferralAnalytics()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCrm().AddContacts();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<ReferralAnalytics>().Should().NotBeNull();
    }

    /// <summary>A referral store that answers the analytics itself (as a database would with one query each) and counts the calls.</summary>
    private sealed class AnsweringStore(InMemoryContactStore inner) : IReferralStore, IReferralAnalyticsStore
    {
        public InMemoryContactStore Inner => inner;

        public List<string> Calls { get; } = [];

        public ReferralChain Chain { get; } = new([ContactId.New(), ContactId.New()]);

        public IReadOnlyList<TopReferrer> Top { get; } = [new(ContactId.New(), 7), new(ContactId.New(), 3)];

        public ReferralRequestStats Stats { get; } = new(4, 1, 1, 1, 1, 2);

        public ValueTask<ReferralChain?> GetLongestChainAsync(TenantId tenantId, CancellationToken cancellationToken) => Answer("chain", (ReferralChain?)Chain);

        public ValueTask<IReadOnlyList<TopReferrer>> GetTopReferrersAsync(TenantId tenantId, Interval interval, int top, CancellationToken cancellationToken) => Answer("top", Top);

        public ValueTask<ReferralRequestStats> GetReferralRequestStatsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => Answer("stats", Stats);

        public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => inner.GetGraphVersionAsync(tenantId, cancellationToken);

        public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken) => inner.FindReferralAsync(tenantId, refereeId, cancellationToken);

        public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => inner.GetChainAsync(tenantId, contactId, cancellationToken);

        public IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken) => inner.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken);

        public ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken) => inner.GetDirectRefereesAsync(tenantId, referrerId, cancellationToken);

        public IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken) => throw new InvalidOperationException("The analytics capability must be used.");

        public IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken) => throw new InvalidOperationException("The analytics capability must be used.");

        public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken) => inner.FindReferralRequestAsync(tenantId, requestId, cancellationToken);

        public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => throw new InvalidOperationException("The analytics capability must be used.");

        private ValueTask<T> Answer<T>(string call, T answer)
        {
            Calls.Add(call);
            return ValueTask.FromResult(answer);
        }
    }
}
