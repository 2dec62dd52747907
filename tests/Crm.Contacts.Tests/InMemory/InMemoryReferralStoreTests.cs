using Crm.Contacts.InMemory;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>Deep and large graphs: proves the store and the manager walk iteratively (no stack overflow); not timed.</summary>
public sealed class InMemoryReferralStoreTests
{
    private static readonly TenantId Tenant = new("big");
    private static readonly Instant At = Instant.FromUtc(2025, 1, 1, 0, 0);

    [Fact]
    public async Task ChainTenThousandDeep_IsReadWholeWithoutRecursion()
    {
        var store = new InMemoryContactStore();
        var ids = await SeedChainAsync(store, 10_001);
        var manager = NewManager(store);

        var chain = await manager.GetChainAsync(Tenant, ids[^1]);
        var downline = await manager.GetDownlineAsync(Tenant, ids[0]);
        var golden = await new ReferralAnalytics(store, store).GetLongestChainAsync(Tenant);

        chain.Length.Should().Be(10_000);
        chain.Members.Should().Equal(ids);
        downline.Should().HaveCount(10_000);
        downline[^1].Depth.Should().Be(10_000);
        golden!.Members.Should().Equal(ids);
        await FluentActions.Awaiting(() => manager.RecordReferralAsync(Tenant, ids[0], ids[^1])).Should().ThrowAsync<ReferralCycleException>();
    }

    [Fact]
    public async Task MillionContactGraph_WithADeepChain_AnswersEveryQuery()
    {
        var store = new InMemoryContactStore();
        const int Total = 1_000_000;
        const int ChainLength = 10_000;
        var ids = Enumerable.Range(0, Total).Select(_ => ContactId.New()).ToArray();
        var contacts = ids.Select(id => new Contact(Tenant, id, ConcurrencyStamp.New(), At)).ToList();
        await store.SaveAsync(Tenant, new ContactChangeSet { Created = contacts }, CancellationToken.None);

        // A 10,000-deep chain from ids[0], then every other contact referred by a contact 1..10 positions before it (a wide forest).
        var edges = new List<Referral>(Total);
        for (var i = 1; i < Total; i++)
        {
            var referrer = i < ChainLength ? i - 1 : i - 1 - (i % 10);
            if (i >= ChainLength && referrer < ChainLength)
            {
                referrer = 0;
            }

            edges.Add(new Referral(ids[i], ids[referrer], At));
        }

        await store.SaveAsync(Tenant, new ContactChangeSet { ReferralsAdded = edges, VersionChecks = [ContactChangeSet.ReferralGraphCheck(0)] }, CancellationToken.None);
        var manager = NewManager(store);

        var chain = await manager.GetChainAsync(Tenant, ids[ChainLength - 1]);
        var counts = await manager.GetReferralCountsAsync(Tenant, ids[0]);
        var golden = await new ReferralAnalytics(store, store).GetLongestChainAsync(Tenant);

        chain.Length.Should().Be(ChainLength - 1);
        counts.Total.Should().Be(Total - 1);
        golden!.Length.Should().BeGreaterThanOrEqualTo(ChainLength - 1);
        (await manager.GetChainAsync(Tenant, golden.Last)).Should().Be(golden);
    }

    private static ReferralManager NewManager(InMemoryContactStore store)
        => new(store, store, new NodaTime.Testing.FakeClock(At), new Crm.Testing.SequentialEventIdGenerator(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReferralManager>.Instance);

    private static async Task<ContactId[]> SeedChainAsync(InMemoryContactStore store, int length)
    {
        var ids = Enumerable.Range(0, length).Select(_ => ContactId.New()).ToArray();
        await store.SaveAsync(Tenant, new ContactChangeSet { Created = [.. ids.Select(id => new Contact(Tenant, id, ConcurrencyStamp.New(), At))] }, CancellationToken.None);
        var edges = Enumerable.Range(1, length - 1).Select(i => new Referral(ids[i], ids[i - 1], At)).ToList();
        await store.SaveAsync(Tenant, new ContactChangeSet { ReferralsAdded = edges, VersionChecks = [ContactChangeSet.ReferralGraphCheck(0)] }, CancellationToken.None);
        return ids;
    }
}
