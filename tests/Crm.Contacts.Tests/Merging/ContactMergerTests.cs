using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Events;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Merging;
using Crm.Contacts.Profile;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Merging;

public sealed class ContactMergerTests
{
    private static DuplicatesHarness NewHarness() => new(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);

    [Fact]
    public async Task Merge_KeepsEveryFact_ByDefaultPolicies()
    {
        var h = NewHarness();
        var older = await h.Manager.CreateAsync(Tenant, new ContactDraft
        {
            Name = new PersonName("Ann Lee"),
            Emails = ["ann@home.example"],
            PhoneNumbers = ["+44 20 7946 0018"],
            Tags = ["vip"],
            Birthday = new Birthday(3, 14, 1990),
            Acquisition = new AcquisitionSource("newsletter"),
            Attributes = new Dictionary<string, CustomAttributeValue> { ["size"] = CustomAttributeValue.Number(38), ["club"] = CustomAttributeValue.Text("gold") },
        });
        var survivor = await h.Manager.CreateAsync(Tenant, new ContactDraft
        {
            Emails = ["ann@work.example", "ANN@home.example"],
            Tags = ["VIP", "b2b"],
            Attributes = new Dictionary<string, CustomAttributeValue> { ["size"] = CustomAttributeValue.Number(40) },
        });

        var result = await h.MergeAsync(survivor.Id, older.Id);

        var merged = await h.GetAsync(survivor.Id);
        merged.Should().BeSameAs(result.Survivor);
        merged.Name!.DisplayName.Should().Be("Ann Lee");
        merged.Emails.Select(e => e.NormalizedAddress).Should().Equal("ann@work.example", "ann@home.example");
        merged.PhoneNumbers.Should().ContainSingle().Which.E164.Should().Be("+442079460018");
        merged.Tags.Should().BeEquivalentTo("VIP", "b2b");
        merged.Attributes["size"].AsNumber().Should().Be(40);
        merged.Attributes["club"].AsText().Should().Be("gold");
        merged.Birthday.Should().Be(new Birthday(3, 14, 1990));
        merged.Acquisition.Should().Be(new AcquisitionSource("newsletter"));
        merged.CreatedAt.Should().Be(older.CreatedAt);
        merged.ConcurrencyStamp.Should().NotBe(survivor.ConcurrencyStamp);
        merged.Status.Should().Be(ContactStatus.Active);

        var absorbed = await h.GetAsync(older.Id);
        absorbed.Status.Should().Be(ContactStatus.Merged);
        absorbed.MergedIntoId.Should().Be(survivor.Id);
        absorbed.Emails.Should().Equal(older.Emails, "the absorbed record keeps its data");
        result.Absorbed.Should().ContainSingle().Which.Should().BeSameAs(absorbed);

        result.Decisions.Single(d => d.Field == nameof(Contact.Name)).Should().BeEquivalentTo(new MergeFieldDecision(nameof(Contact.Name), MergeFieldPolicy.PreferSurvivor, [older.Id], true));
        result.Decisions.Single(d => d.Field == nameof(Contact.Emails)).ValueFrom.Should().Equal(survivor.Id);
        result.Decisions.Single(d => d.Field == nameof(Contact.Emails)).Changed.Should().BeFalse();
        result.Decisions.Single(d => d.Field == nameof(Contact.Attributes)).ValueFrom.Should().Equal(survivor.Id, older.Id);
        result.Decisions.Single(d => d.Field == nameof(Contact.CreatedAt)).Should().Match<MergeFieldDecision>(d => d.Policy == null && d.Changed);
        result.IsDryRun.Should().BeFalse();
    }

    [Fact]
    public async Task Merge_CombinesConsentHistories_InTimeOrder()
    {
        var h = NewHarness();
        var purpose = new ConsentPurpose("newsletter");
        var a = await h.CreateAsync("A", "a@example.com");
        var s = await h.CreateAsync("S", "s@example.com");
        a = await h.Manager.GrantConsentAsync(Tenant, a.Id, a.ConcurrencyStamp, purpose, ConsentAddress.Any, LawfulBasis.LegitimateInterests, "web:form");
        s = await h.Manager.WithdrawConsentAsync(Tenant, s.Id, s.ConcurrencyStamp, purpose, ConsentAddress.Any, "call-centre");
        a = await h.Manager.GrantConsentAsync(Tenant, a.Id, a.ConcurrencyStamp, new ConsentPurpose("sms"), ConsentAddress.Any, LawfulBasis.LegitimateInterests, "shop");

        var result = await h.MergeAsync(s.Id, a.Id);

        result.Survivor.ConsentHistory.Should().HaveCount(3);
        result.Survivor.ConsentHistory.Select(r => r.Source).Should().Equal("web:form", "call-centre", "shop");
        result.Survivor.GetConsent(purpose, ConsentAddress.Any).Status.Should().Be(ConsentStatus.Withdrawn);
        result.Survivor.GetConsent(new ConsentPurpose("sms"), ConsentAddress.Any).IsGiven.Should().BeTrue();
    }

    [Fact]
    public async Task Merge_ReplaysLifecycleLogs_TheLatestAllowedMoveDecidesTheStage()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var a = await h.Manager.CreateAsync(Tenant, new ContactDraft { Emails = ["a@example.com"], InitialStage = LifecycleStage.Customer });
        s = await h.Manager.ChangeStageAsync(Tenant, s.Id, s.ConcurrencyStamp, LifecycleStage.Prospect);
        a = await h.Manager.ChangeStageAsync(Tenant, a.Id, a.ConcurrencyStamp, LifecycleStage.Churned, new ChurnReason("price"));

        var result = await h.MergeAsync(s.Id, a.Id);

        var log = result.Survivor.LifecycleHistory;
        log.Select(t => (t.From, t.To)).Should().Equal(
            ((LifecycleStage?)null, LifecycleStage.Lead),
            (LifecycleStage.Lead, LifecycleStage.Customer),
            (LifecycleStage.Customer, LifecycleStage.Churned));
        log.Select(t => t.At).Should().BeInAscendingOrder();
        log[^1].Reason!.Value.Code.Should().Be("price");
        result.Survivor.Stage.Should().Be(LifecycleStage.Churned);
    }

    [Theory]
    [InlineData(MergeFieldPolicy.KeepSurvivor, null)]
    [InlineData(MergeFieldPolicy.PreferSurvivor, "Absorbed One")]
    [InlineData(MergeFieldPolicy.PreferAbsorbed, "Absorbed One")]
    [InlineData(MergeFieldPolicy.PreferNewest, "Absorbed Two")]
    public async Task NamePolicy_DecidesWhoseNameWins(MergeFieldPolicy policy, string? expected)
    {
        var h = NewHarness();
        var s = await h.CreateAsync(null, "s@example.com");
        var a1 = await h.CreateAsync("Absorbed One", "a1@example.com");
        var a2 = await h.CreateAsync("Absorbed Two", "a2@example.com");

        var result = await h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a1.Id, a2.Id], Policy = new MergePolicy { Name = policy } });

        result.Survivor.Name?.DisplayName.Should().Be(expected);
    }

    [Fact]
    public async Task ListPolicy_OtherThanUnion_TakesOneWholeList()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var a = await h.CreateAsync("A", "a@example.com");

        var keep = await h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id], Policy = new MergePolicy { Emails = MergeFieldPolicy.PreferAbsorbed }, DryRun = true });

        keep.Survivor.Emails.Select(e => e.Address).Should().Equal("a@example.com");
        keep.Decisions.Single(d => d.Field == nameof(Contact.Emails)).Should().Match<MergeFieldDecision>(d => d.Changed && d.ValueFrom.Single() == a.Id);
    }

    [Fact]
    public async Task Merge_RecordsAndPublishes_IdsOnly()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("Sam Secret", "sam.secret@example.com");
        var a = await h.CreateAsync("Sam S", "sam.s@example.com");
        h.Events.Clear();

        var result = await h.MergeAsync(s.Id, a.Id);

        h.Events.Should().ContainSingle().Which.Should().BeOfType<ContactsMerged>()
            .Which.Should().Match<ContactsMerged>(e => e.SurvivorId == s.Id && e.AbsorbedIds.SequenceEqual(new[] { a.Id }));
        var history = await h.Merger.GetHistoryAsync(Tenant, a.Id);
        history.Should().ContainSingle().Which.Should().BeSameAs(result.Record);
        (await h.Merger.GetHistoryAsync(Tenant, s.Id)).Should().ContainSingle();
        result.Record.MergedAt.Should().Be(result.Survivor.UpdatedAt);
        h.MergerLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.ContactsMerged)
            .And.OnlyContain(r => !r.Message.Contains("sam", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AbsorbedIds_KeepResolving_ThroughMergeChains()
    {
        var h = NewHarness();
        var (x, y, z) = (await h.CreateAsync("X", "x@example.com"), await h.CreateAsync("Y", "y@example.com"), await h.CreateAsync("Z", "z@example.com"));
        await h.MergeAsync(y.Id, x.Id);
        await h.MergeAsync(z.Id, y.Id);

        (await h.Merger.ResolveAsync(Tenant, x.Id))!.Id.Should().Be(z.Id);
        (await h.Merger.ResolveAsync(Tenant, z.Id))!.Id.Should().Be(z.Id);
        (await h.Merger.ResolveAsync(Tenant, ContactId.New())).Should().BeNull();
        (await h.GetAsync(x.Id)).MergedIntoId.Should().Be(y.Id);
    }

    [Fact]
    public async Task DryRun_ReturnsTheSameResult_AndWritesNothing()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var a = await h.CreateAsync("A Name", "a@example.com", "+44 20 7946 0018");
        await h.ReferAsync(a.Id, s.Id);
        var c = await h.CreateAsync("C", "c@example.com");
        await h.ReferAsync(c.Id, a.Id);
        var before = await StoreDump.TakeAsync(h.Store, Tenant);
        h.Events.Clear();

        var dry = await h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id], DryRun = true });

        dry.IsDryRun.Should().BeTrue();
        (await StoreDump.TakeAsync(h.Store, Tenant)).Should().Be(before);
        h.Events.Should().BeEmpty();

        var real = await h.Merger.MergeAsync(Tenant, new MergeRequest
        {
            SurvivorId = s.Id,
            AbsorbedIds = [a.Id],
            ExpectedStamps = new Dictionary<ContactId, ConcurrencyStamp> { [s.Id] = s.ConcurrencyStamp, [a.Id] = a.ConcurrencyStamp },
        });
        real.Survivor.Emails.Should().Equal(dry.Survivor.Emails);
        real.Survivor.PhoneNumbers.Should().Equal(dry.Survivor.PhoneNumbers);
        real.Survivor.Name.Should().Be(dry.Survivor.Name);
        real.Decisions.Should().BeEquivalentTo(dry.Decisions);
        real.Record.ReferralsAdded.Should().BeEquivalentTo(dry.Record.ReferralsAdded);
        real.Record.ReferralsRemoved.Should().BeEquivalentTo(dry.Record.ReferralsRemoved);
    }

    [Fact]
    public async Task ConcurrentChangeToAnAbsorbedContact_FailsTheMerge_AndChangesNothing()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var a = await h.CreateAsync("A", "a@example.com");
        var b = await h.CreateAsync("B", "b@example.com");
        var c = await h.CreateAsync("C", "c@example.com");
        await h.ReferAsync(c.Id, b.Id);
        string? afterConcurrentWrite = null;
        h.Store.BeforeNextSave = async () =>
        {
            await h.Manager.UpdateAsync(Tenant, b.Id, b.ConcurrencyStamp, e => e.AddTag("touched"));
            afterConcurrentWrite = await StoreDump.TakeAsync(h.Store, Tenant);
        };
        h.Events.Clear();

        var act = () => h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id, b.Id] });

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await StoreDump.TakeAsync(h.Store, Tenant)).Should().Be(afterConcurrentWrite);
        h.Events.OfType<ContactsMerged>().Should().BeEmpty();
        h.MergerLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.MergeConflict);
    }

    [Fact]
    public async Task ConcurrentReferralChange_FailsTheMerge_AndChangesNothing()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var a = await h.CreateAsync("A", "a@example.com");
        var c = await h.CreateAsync("C", "c@example.com");
        var d = await h.CreateAsync("D", "d@example.com");
        await h.ReferAsync(c.Id, a.Id);
        string? afterConcurrentWrite = null;
        h.Store.BeforeNextSave = async () =>
        {
            await h.ReferAsync(d.Id, a.Id);
            afterConcurrentWrite = await StoreDump.TakeAsync(h.Store, Tenant);
        };

        var act = () => h.MergeAsync(s.Id, a.Id);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await StoreDump.TakeAsync(h.Store, Tenant)).Should().Be(afterConcurrentWrite);
    }

    [Fact]
    public async Task StaleExpectedStamp_FailsBeforeWriting()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var a = await h.CreateAsync("A", "a@example.com");
        var before = await StoreDump.TakeAsync(h.Store, Tenant);

        var act = () => h.Merger.MergeAsync(Tenant, new MergeRequest
        {
            SurvivorId = s.Id,
            AbsorbedIds = [a.Id],
            ExpectedStamps = new Dictionary<ContactId, ConcurrencyStamp> { [a.Id] = ConcurrencyStamp.New() },
        });

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await StoreDump.TakeAsync(h.Store, Tenant)).Should().Be(before);
    }

    [Fact]
    public async Task BadRequests_ThrowClearly_AndChangeNothing()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var a = await h.CreateAsync("A", "a@example.com");
        var m = await h.CreateAsync("M", "m@example.com");
        await h.MergeAsync(a.Id, m.Id);
        var before = await StoreDump.TakeAsync(h.Store, Tenant);

        async Task<Exception> Fails(MergeRequest request, TenantId? tenant = null)
        {
            var ex = await Record.ExceptionAsync(() => h.Merger.MergeAsync(tenant ?? Tenant, request));
            ex.Should().NotBeNull();
            return ex!;
        }

        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [s.Id] })).Should().BeOfType<ArgumentException>().Which.Message.Should().StartWith("A contact cannot be merged into itself");
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id, a.Id] })).Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("must be distinct");
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [] })).Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("at least one");
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = Enumerable.Range(0, ContactMerger.MaxAbsorbedContacts + 1).Select(_ => ContactId.New()).ToArray() })).Should().BeOfType<ArgumentException>();
        (await Fails(new MergeRequest { SurvivorId = default, AbsorbedIds = [a.Id] })).Should().BeOfType<ArgumentException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [default] })).Should().BeOfType<ArgumentException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = null! })).Should().BeOfType<ArgumentNullException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id], Policy = null! })).Should().BeOfType<ArgumentNullException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id], Policy = new MergePolicy { Name = MergeFieldPolicy.Union } })).Should().BeOfType<ArgumentException>().Which.Message.Should().StartWith("MergePolicy.Name must not be Union");
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id], Policy = new MergePolicy { Tags = (MergeFieldPolicy)42 } })).Should().BeOfType<ArgumentOutOfRangeException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id], ExpectedStamps = new Dictionary<ContactId, ConcurrencyStamp> { [m.Id] = m.ConcurrencyStamp } })).Should().BeOfType<ArgumentException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id], ExpectedStamps = new Dictionary<ContactId, ConcurrencyStamp> { [a.Id] = default } })).Should().BeOfType<ArgumentException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [ContactId.New()] })).Should().BeOfType<ContactNotFoundException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [m.Id] })).Should().BeOfType<ContactNotActiveException>().Which.MergedIntoId.Should().Be(a.Id);
        (await Fails(new MergeRequest { SurvivorId = m.Id, AbsorbedIds = [s.Id] })).Should().BeOfType<ContactNotActiveException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id] }, new TenantId("elsewhere"))).Should().BeOfType<ContactNotFoundException>();
        (await Fails(new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id] }, default(TenantId))).Should().BeOfType<ArgumentException>();
        await FluentActions.Awaiting(() => h.Merger.MergeAsync(Tenant, null!)).Should().ThrowAsync<ArgumentNullException>();
        (await StoreDump.TakeAsync(h.Store, Tenant)).Should().Be(before);
        h.MergerLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.MergeRefused);
    }

    [Fact]
    public async Task ErasedContact_CannotBeMerged()
    {
        var h = NewHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var e = await h.CreateAsync("E", "e@example.com");
        await h.Store.SaveAsync(Tenant, new ContactChangeSet { Updated = [new ContactUpdate(e.AsErased(h.Clock.GetCurrentInstant()).WithNewVersion(h.Clock.GetCurrentInstant()), e.ConcurrencyStamp)] }, CancellationToken.None);

        var act = () => h.MergeAsync(s.Id, e.Id);

        (await act.Should().ThrowAsync<ContactNotActiveException>()).Which.Status.Should().Be(ContactStatus.Erased);
    }
}
