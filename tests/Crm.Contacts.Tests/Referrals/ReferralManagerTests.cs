using Crm.Contacts.Events;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Referrals;

public sealed class ReferralManagerTests
{
    [Fact]
    public async Task RecordReferral_StoresTheEdgeAndPublishesAfterCommit()
    {
        var h = new ContactsHarness();
        var (ann, bob) = (await h.CreateAsync(), await h.CreateAsync(draft: SampleDraft("bob@example.com")));

        var referral = await h.Referrals.RecordReferralAsync(TenantA, bob.Id, ann.Id);

        referral.RefereeId.Should().Be(bob.Id);
        referral.ReferrerId.Should().Be(ann.Id);
        (await h.Referrals.FindReferralAsync(TenantA, bob.Id)).Should().Be(referral);
        h.Events.OfType<ReferralRecorded>().Should().ContainSingle(e => e.RefereeId == bob.Id && e.ReferrerId == ann.Id);
    }

    [Fact]
    public async Task RecordReferral_SameEdgeTwice_IsIdempotent()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(2);
        var first = await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);
        var version = await ((IReferralStore)h.Store).GetGraphVersionAsync(TenantA, CancellationToken.None);

        var second = await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);

        second.Should().Be(first);
        (await ((IReferralStore)h.Store).GetGraphVersionAsync(TenantA, CancellationToken.None)).Should().Be(version);
        h.Events.OfType<ReferralRecorded>().Should().ContainSingle();
    }

    [Fact]
    public async Task RecordReferral_SelfReferral_Throws()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);

        var act = () => h.Referrals.RecordReferralAsync(TenantA, ids[0], ids[0]);

        (await act.Should().ThrowAsync<SelfReferralException>()).Which.Code.Should().Be("crm.self_referral");
    }

    [Fact]
    public async Task RecordReferral_SecondReferrer_ThrowsAndKeepsTheFirst()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(3);
        await h.Referrals.RecordReferralAsync(TenantA, ids[2], ids[0]);

        var act = () => h.Referrals.RecordReferralAsync(TenantA, ids[2], ids[1]);

        var ex = (await act.Should().ThrowAsync<ReferrerAlreadySetException>()).Which;
        ex.ExistingReferrerId.Should().Be(ids[0]);
        ex.RejectedReferrerId.Should().Be(ids[1]);
        (await h.Referrals.FindReferralAsync(TenantA, ids[2]))!.ReferrerId.Should().Be(ids[0]);
    }

    [Fact]
    public async Task RecordReferral_TwoCycle_Throws()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(2);
        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);

        var act = () => h.Referrals.RecordReferralAsync(TenantA, ids[0], ids[1]);

        (await act.Should().ThrowAsync<ReferralCycleException>()).Which.Code.Should().Be("crm.referral_cycle");
        (await h.Referrals.FindReferralAsync(TenantA, ids[0])).Should().BeNull();
    }

    [Fact]
    public async Task RecordReferral_LongCycle_Throws()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(50);
        for (var i = 1; i < ids.Length; i++)
        {
            await h.Referrals.RecordReferralAsync(TenantA, ids[i], ids[i - 1]);
        }

        var act = () => h.Referrals.RecordReferralAsync(TenantA, ids[0], ids[^1]);

        await act.Should().ThrowAsync<ReferralCycleException>();
    }

    [Fact]
    public async Task RecordReferral_UnknownContact_ThrowsNotFound()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);

        await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(TenantA, ContactId.New(), ids[0])).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(TenantA, ids[0], ContactId.New())).Should().ThrowAsync<ContactNotFoundException>();
    }

    [Fact]
    public async Task RecordReferral_EmptyArguments_ThrowNamingTheField()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);

        (await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(default, ids[0], ContactId.New())).Should().ThrowAsync<ArgumentException>())
            .Which.ParamName.Should().Be("tenantId");
        (await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(TenantA, default, ids[0])).Should().ThrowAsync<ArgumentException>())
            .Which.ParamName.Should().Be("refereeId");
        (await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(TenantA, ids[0], default)).Should().ThrowAsync<ArgumentException>())
            .Which.ParamName.Should().Be("referrerId");
    }

    [Fact]
    public async Task RecordReferral_AcrossTenants_CannotReferenceAnotherTenantsContact()
    {
        var h = new ContactsHarness();
        var inA = await h.SeedAsync(2, TenantA);
        var inB = await h.SeedAsync(1, TenantB);

        await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(TenantB, inB[0], inA[0])).Should().ThrowAsync<ContactNotFoundException>();
        await h.Referrals.RecordReferralAsync(TenantA, inA[1], inA[0]);

        await FluentActions.Awaiting(() => h.Referrals.FindReferralAsync(TenantB, inA[1])).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Referrals.GetDownlineAsync(TenantB, inA[0])).Should().ThrowAsync<ContactNotFoundException>();
        (await h.Analytics.GetLongestChainAsync(TenantB)).Should().BeNull();
    }

    public static TheoryData<string> ContactQueries => ["FindReferral", "GetChain", "GetDownline", "GetReferralCounts", "GetReferralRequestStats"];

    private static Task Query(ContactsHarness h, string query, TenantId tenant, ContactId id) => query switch
    {
        "FindReferral" => h.Referrals.FindReferralAsync(tenant, id),
        "GetChain" => h.Referrals.GetChainAsync(tenant, id),
        "GetDownline" => h.Referrals.GetDownlineAsync(tenant, id),
        "GetReferralCounts" => h.Referrals.GetReferralCountsAsync(tenant, id),
        _ => h.Analytics.GetReferralRequestStatsAsync(tenant, id),
    };

    [Theory]
    [MemberData(nameof(ContactQueries))]
    public async Task ReferralQuery_UnknownContact_ThrowsContactNotFoundLikeGetAsync(string query)
    {
        var h = new ContactsHarness();
        await h.SeedAsync(1);
        var unknown = ContactId.New();

        (await FluentActions.Awaiting(() => Query(h, query, TenantA, unknown)).Should().ThrowAsync<ContactNotFoundException>()).Which.ContactId.Should().Be(unknown);
        await FluentActions.Awaiting(() => h.Manager.GetAsync(TenantA, unknown)).Should().ThrowAsync<ContactNotFoundException>();
    }

    [Theory]
    [MemberData(nameof(ContactQueries))]
    public async Task ReferralQuery_OtherTenantsContact_ThrowsContactNotFound(string query)
    {
        var h = new ContactsHarness();
        var inA = await h.SeedAsync(1, TenantA);
        await h.SeedAsync(1, TenantB);

        await FluentActions.Awaiting(() => Query(h, query, TenantB, inA[0])).Should().ThrowAsync<ContactNotFoundException>();
    }

    [Theory]
    [MemberData(nameof(ContactQueries))]
    public async Task ReferralQuery_KnownContactWithoutReferrals_Answers(string query)
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);

        await FluentActions.Awaiting(() => Query(h, query, TenantA, ids[0])).Should().NotThrowAsync();
    }

    [Fact]
    public async Task RecordReferral_SameIdsInTwoTenants_GraphsStayApart()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(2, TenantA);
        var at = h.Clock.GetCurrentInstant();
        await h.Store.SaveAsync(TenantB, new ContactChangeSet { Created = [.. ids.Select(id => new Contact(TenantB, id, ConcurrencyStamp.New(), at))] }, CancellationToken.None);

        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);
        await h.Referrals.RecordReferralAsync(TenantB, ids[0], ids[1]);

        (await h.Referrals.GetChainAsync(TenantA, ids[1])).Members.Should().Equal(ids[0], ids[1]);
        (await h.Referrals.GetChainAsync(TenantB, ids[0])).Members.Should().Equal(ids[1], ids[0]);
    }

    [Fact]
    public async Task GetChain_ReturnsRootFirst()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(4);
        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[2], ids[1]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[3], ids[2]);

        var chain = await h.Referrals.GetChainAsync(TenantA, ids[3]);

        chain.Members.Should().Equal(ids);
        chain.Root.Should().Be(ids[0]);
        chain.Length.Should().Be(3);
        (await h.Referrals.GetChainAsync(TenantA, ids[0])).Members.Should().Equal(ids[0]);
    }

    [Fact]
    public async Task DownlineAndCounts_GiveDepthsAndDirectIndirectSplit()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(6);
        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[2], ids[0]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[3], ids[1]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[4], ids[3]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[5], ids[4]);

        var downline = await h.Referrals.GetDownlineAsync(TenantA, ids[0]);

        downline.Should().BeEquivalentTo(new[]
        {
            new DownlineEntry(ids[1], ids[0], 1), new DownlineEntry(ids[2], ids[0], 1),
            new DownlineEntry(ids[3], ids[1], 2), new DownlineEntry(ids[4], ids[3], 3), new DownlineEntry(ids[5], ids[4], 4),
        });
        (await h.Referrals.GetDownlineAsync(TenantA, ids[0], maxDepth: 2)).Select(e => e.ContactId).Should().BeEquivalentTo(new[] { ids[1], ids[2], ids[3] });
        (await h.Referrals.GetReferralCountsAsync(TenantA, ids[0])).Should().Be(new ReferralCounts(2, 3));
        (await h.Referrals.GetReferralCountsAsync(TenantA, ids[5])).Should().Be(new ReferralCounts(0, 0));
        await FluentActions.Awaiting(() => h.Referrals.GetDownlineAsync(TenantA, ids[0], maxDepth: 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task LongestChain_IsTheGoldenChainFromRootToDeepestReferee()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(7);
        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[2], ids[1]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[4], ids[3]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[5], ids[4]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[6], ids[5]);

        var golden = await h.Analytics.GetLongestChainAsync(TenantA);

        golden!.Members.Should().Equal(ids[3], ids[4], ids[5], ids[6]);
        (await h.Analytics.GetLongestChainAsync(TenantB)).Should().BeNull();
    }

    [Fact]
    public async Task TopReferrers_CountsOnlyReferralsInThePeriod_TiesBySmallerId()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(6);
        var start = h.Clock.GetCurrentInstant();
        await h.Referrals.RecordReferralAsync(TenantA, ids[3], ids[0]);
        await h.Referrals.RecordReferralAsync(TenantA, ids[4], ids[1]);
        h.Clock.Advance(Duration.FromDays(40));
        await h.Referrals.RecordReferralAsync(TenantA, ids[5], ids[1]);

        var inFirstMonth = await h.Analytics.GetTopReferrersAsync(TenantA, new Interval(start, start + Duration.FromDays(30)), 10);
        var all = await h.Analytics.GetTopReferrersAsync(TenantA, new Interval(start, start + Duration.FromDays(60)), 1);

        inFirstMonth.Should().Equal(new[] { new TopReferrer(ids[0], 1), new TopReferrer(ids[1], 1) }.OrderBy(t => t.ReferrerId));
        all.Should().Equal(new TopReferrer(ids[1], 2));
    }

    [Fact]
    public async Task TopReferrers_ByDatesInAZone_UseThatZonesDays()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(2);
        h.Clock.Reset(Instant.FromUtc(2025, 3, 31, 23, 30));
        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]);
        var yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];

        var april = await h.Analytics.GetTopReferrersAsync(TenantA, new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 30)), yerevan, 5);
        var marchUtc = await h.Analytics.GetTopReferrersAsync(TenantA, new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), DateTimeZone.Utc, 5);

        april.Should().ContainSingle();
        marchUtc.Should().ContainSingle();
    }

    [Fact]
    public async Task ConcurrentOppositeReferrals_NeverBothStick()
    {
        for (var round = 0; round < 100; round++)
        {
            var h = new ContactsHarness();
            var ids = await h.SeedAsync(2);
            var results = await Task.WhenAll(
                Task.Run(() => Attempt(() => h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0]))),
                Task.Run(() => Attempt(() => h.Referrals.RecordReferralAsync(TenantA, ids[0], ids[1]))));

            results.Count(ok => ok).Should().Be(1);
            var edges = new[] { await h.Referrals.FindReferralAsync(TenantA, ids[0]), await h.Referrals.FindReferralAsync(TenantA, ids[1]) };
            edges.Count(e => e is not null).Should().Be(1);
        }
    }

    [Fact]
    public async Task ConcurrentRandomReferrals_NeverCreateACycleOrASecondReferrer()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(40);
        var random = new Random(42);
        var pairs = Enumerable.Range(0, 400).Select(_ => (Referee: ids[random.Next(ids.Length)], Referrer: ids[random.Next(ids.Length)])).ToArray();

        await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, _) =>
            await Attempt(() => h.Referrals.RecordReferralAsync(TenantA, pair.Referee, pair.Referrer)));

        var edges = new List<Referral>();
        await foreach (var edge in ((IReferralStore)h.Store).GetAllReferralsAsync(TenantA, CancellationToken.None))
        {
            edges.Add(edge);
        }

        ReferralGraphAssert.IsForest(edges);
    }

    private static async Task<bool> Attempt(Func<Task<Referral>> record)
    {
        try
        {
            await record();
            return true;
        }
        catch (CrmException)
        {
            return false;
        }
    }
}
