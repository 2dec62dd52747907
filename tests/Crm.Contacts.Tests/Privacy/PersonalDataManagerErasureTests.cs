using Crm.Contacts.Acquisition;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Privacy;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Privacy;
using Crm.Storage;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Privacy;

public sealed class PersonalDataManagerErasureTests
{
    private static readonly Instant EraseTime = Instant.FromUtc(2025, 5, 1, 9, 0);

    private static async Task<Contact> LoadAsync(PrivacyHarness h, TenantId tenant, ContactId id)
        => (await h.Store.FindByIdAsync(tenant, id, CancellationToken.None))!;

    [Fact]
    public async Task Erase_LeavesNoValueOfAnyPersonalDataMember()
    {
        var h = new PrivacyHarness();
        var c = await h.CreateRichAsync(TenantA);
        var before = PersonalDataInspector.FindPersonalValues(c);

        await h.Privacy.EraseAsync(TenantA, c.Id);

        // The inspector is driven by [PersonalData] alone; the control proves it sees what a full contact holds.
        before.Should().Contain(["Contact.Name.DisplayName", "Contact.Name.SortName", "Contact.Emails[0].Address", "Contact.PhoneNumbers[1].Extension", "Contact.Birthday",
            "Contact.Birthplace", "Contact.PreferredLanguage", "Contact.TimeZone", "Contact.Tags[0]", "Contact.Attributes[0]",
            "Contact.ConsentHistory[0].Address.Value", "Contact.Consents[1].Address.Value", "Contact.LifecycleHistory[2].Reason.Note",
            "Contact.Acquisition.Detail", "Contact.PrimaryEmail.Address"]);
        foreach (var marked in typeof(Contact).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute), true)))
        {
            before.Should().Contain(path => path.StartsWith($"Contact.{marked.Name}", StringComparison.Ordinal), $"the rich contact fills {marked.Name}");
        }

        PersonalDataInspector.FindPersonalValues(await LoadAsync(h, TenantA, c.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Erase_KeepsTheNonPersonalFacts()
    {
        var h = new PrivacyHarness();
        var referrer = await h.Contacts.CreateAsync(TenantA, SampleDraft("referrer@example.com"));
        var c = await h.CreateRichAsync(TenantA);
        var referee = await h.Contacts.CreateAsync(TenantA, SampleDraft("referee@example.com"));
        var request = await h.AskForReferralAsync(TenantA, c.Id);
        var inbound = await h.ReferAsync(TenantA, c.Id, referrer.Id);
        var outbound = await h.ReferAsync(TenantA, referee.Id, c.Id, request.Id);
        h.Contacts.Clock.Reset(EraseTime);

        var report = await h.Privacy.EraseAsync(TenantA, c.Id);

        var erased = await LoadAsync(h, TenantA, c.Id);
        erased.Status.Should().Be(ContactStatus.Erased);
        erased.StatusChangedAt.Should().Be(EraseTime);
        report.ErasedAt.Should().Be(EraseTime);
        erased.ConcurrencyStamp.Should().NotBe(c.ConcurrencyStamp);
        (erased.Id, erased.TenantId, erased.CreatedAt, erased.Origin).Should().Be((c.Id, TenantA, c.CreatedAt, RecordOrigin.Import));
        erased.Acquisition.Should().Be(new AcquisitionSource("google", "cpc", "spring-sale"));
        erased.Stage.Should().Be(LifecycleStage.Churned);
        erased.LifecycleHistory.Select(t => (t.From, t.To, t.At, t.Reason?.Code))
            .Should().Equal(c.LifecycleHistory.Select(t => (t.From, t.To, t.At, t.Reason?.Code)));
        erased.EnteredStageAt(LifecycleStage.Customer).Should().Be(c.EnteredStageAt(LifecycleStage.Customer));
        erased.ConsentHistory.Select(r => (r.Purpose, r.Address.Kind, r.Action, r.Basis, r.RecordedAt, r.Source, r.AwaitsConfirmation))
            .Should().Equal(c.ConsentHistory.Select(r => (r.Purpose, r.Address.Kind, r.Action, r.Basis, r.RecordedAt, r.Source, r.AwaitsConfirmation)));
        erased.ConsentHistory.Should().OnlyContain(r => r.Address.IsErased);
        erased.Consents.Select(s => (s.Purpose, s.Status)).Should().Equal((PrivacyHarness.Newsletter, ConsentStatus.Granted), (PrivacyHarness.SmsOffers, ConsentStatus.Withdrawn));
        (await h.Store.FindReferralAsync(TenantA, c.Id, CancellationToken.None)).Should().Be(inbound);
        (await h.Store.FindReferralAsync(TenantA, referee.Id, CancellationToken.None)).Should().Be(outbound);
        (await h.Store.GetReferralRequestsAsync(TenantA, c.Id, CancellationToken.None)).Should().Equal(request);
        (await LoadAsync(h, TenantA, referrer.Id)).ConcurrencyStamp.Should().Be(referrer.ConcurrencyStamp, "other contacts are untouched");
    }

    [Fact]
    public async Task Erase_ReportsWhatEachContributorErased_ContactsFirst()
    {
        var shop = new RecordingContributor();
        var h = new PrivacyHarness(shop);
        var c = await h.CreateRichAsync(TenantA);

        var report = await h.Privacy.EraseAsync(TenantA, c.Id);

        (report.TenantId, report.ContactId, report.WasAlreadyErased, report.IsComplete).Should().Be((TenantA, c.Id, false, true));
        report.Contributors.Select(r => r.Name).Should().Equal("contacts", "shop");
        report.Contributors[0].ErasedItems.Should().Equal(
            "Name", "Emails", "PhoneNumbers", "Birthday", "Birthplace", "PreferredLanguage", "TimeZone", "Tags", "Attributes",
            "Acquisition.Detail", "ConsentHistory.Address", "LifecycleHistory.Reason.Note");
        report.Contributors[1].ErasedItems.Should().Equal("orders.shippingAddress");
        report.Contributors.Should().OnlyContain(r => r.Succeeded && r.Error == null);
        shop.Calls.Should().Equal([("erase", TenantA, c.Id)]);
    }

    [Fact]
    public async Task Erase_OfAContactWithLittleData_ListsOnlyWhatWasHeld()
    {
        var h = new PrivacyHarness();
        var c = await h.Manager.CreateAsync(TenantA, new ContactDraft { Emails = ["only@example.com"] });

        var report = await h.Privacy.EraseAsync(TenantA, c.Id);

        report.Contributors[0].ErasedItems.Should().Equal("Emails");
    }

    [Fact]
    public async Task Erase_Twice_IsIdempotent_AndAsksTheOtherContributorsAgain()
    {
        var shop = new RecordingContributor();
        var h = new PrivacyHarness(shop);
        var c = await h.CreateRichAsync(TenantA);
        h.Contacts.Clock.Reset(EraseTime);
        await h.Privacy.EraseAsync(TenantA, c.Id);
        var afterFirst = await LoadAsync(h, TenantA, c.Id);
        h.Contacts.Clock.Reset(EraseTime + Duration.FromDays(3));

        var second = await h.Privacy.EraseAsync(TenantA, c.Id);

        second.WasAlreadyErased.Should().BeTrue();
        second.ErasedAt.Should().Be(EraseTime, "the record was erased by the first call");
        second.Contributors[0].ErasedItems.Should().BeEmpty();
        second.IsComplete.Should().BeTrue();
        (await LoadAsync(h, TenantA, c.Id)).Should().BeSameAs(afterFirst, "nothing was written");
        shop.Calls.Count(call => call.Call == "erase").Should().Be(2);
        h.Contacts.Events.OfType<PersonalDataErased>().Select(e => e.WasAlreadyErased).Should().Equal(false, true);
    }

    [Fact]
    public async Task Erase_OfAnUnknownContactOrTenant_ThrowsNotFound_AndErasesNothingAnywhere()
    {
        var shop = new RecordingContributor();
        var h = new PrivacyHarness(shop);
        var c = await h.CreateRichAsync(TenantA);

        await FluentActions.Awaiting(() => h.Privacy.EraseAsync(TenantA, ContactId.New())).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Privacy.EraseAsync(TenantB, c.Id)).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Privacy.EraseAsync(new TenantId("never-used"), c.Id)).Should().ThrowAsync<ContactNotFoundException>();

        shop.Calls.Should().BeEmpty();
        (await LoadAsync(h, TenantA, c.Id)).Should().BeSameAs(c);
        h.Contacts.Events.OfType<PersonalDataErased>().Should().BeEmpty();
    }

    [Fact]
    public async Task Erase_InTenantA_LeavesTenantBsContactWithTheSameIdUntouched()
    {
        var h = new PrivacyHarness();
        var id = ContactId.New();
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        var inA = Contact.CreateNew(TenantA, id, RecordOrigin.Api, LifecycleStage.Lead, at).WithName(new Crm.Contacts.Profile.PersonName("Ann A"));
        var inB = Contact.CreateNew(TenantB, id, RecordOrigin.Api, LifecycleStage.Lead, at).WithName(new Crm.Contacts.Profile.PersonName("Ann B"));
        await h.Store.SaveAsync(TenantA, new ContactChangeSet { Created = [inA] }, CancellationToken.None);
        await h.Store.SaveAsync(TenantB, new ContactChangeSet { Created = [inB] }, CancellationToken.None);

        await h.Privacy.EraseAsync(TenantA, id);

        (await LoadAsync(h, TenantA, id)).Status.Should().Be(ContactStatus.Erased);
        var b = await LoadAsync(h, TenantB, id);
        b.Should().BeSameAs(inB);
        b.Name!.DisplayName.Should().Be("Ann B");
    }

    [Fact]
    public async Task Erase_WithAStaleExpectedStamp_ThrowsConflict_AndErasesNothingAnywhere()
    {
        var shop = new RecordingContributor();
        var h = new PrivacyHarness(shop);
        var c = await h.Contacts.CreateAsync(TenantA);
        var changed = await h.Manager.UpdateAsync(TenantA, c.Id, c.ConcurrencyStamp, e => e.AddTag("new"));

        await FluentActions.Awaiting(() => h.Privacy.EraseAsync(TenantA, c.Id, c.ConcurrencyStamp)).Should().ThrowAsync<ConcurrencyConflictException>();

        (await LoadAsync(h, TenantA, c.Id)).Should().BeSameAs(changed);
        shop.Calls.Should().BeEmpty();
        h.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.ConcurrencyConflict);
    }

    [Fact]
    public async Task Erase_WithTheCurrentStamp_Erases()
    {
        var h = new PrivacyHarness();
        var c = await h.Contacts.CreateAsync(TenantA);

        var report = await h.Privacy.EraseAsync(TenantA, c.Id, c.ConcurrencyStamp);

        report.WasAlreadyErased.Should().BeFalse();
        (await LoadAsync(h, TenantA, c.Id)).Status.Should().Be(ContactStatus.Erased);
    }

    [Fact]
    public async Task Erase_RetriedWithThePreErasureStamp_SucceedsAsAlreadyErased()
    {
        var h = new PrivacyHarness();
        var c = await h.Contacts.CreateAsync(TenantA);
        await h.Privacy.EraseAsync(TenantA, c.Id, c.ConcurrencyStamp);

        var retry = await h.Privacy.EraseAsync(TenantA, c.Id, c.ConcurrencyStamp);

        retry.WasAlreadyErased.Should().BeTrue();
    }

    [Fact]
    public async Task Erase_WithBadArguments_ThrowsArgumentException()
    {
        var h = new PrivacyHarness();
        var c = await h.Contacts.CreateAsync(TenantA);
        (await FluentActions.Awaiting(() => h.Privacy.EraseAsync(TenantA, c.Id, default(ConcurrencyStamp))).Should().ThrowAsync<ArgumentException>())
            .WithMessage("*expected ConcurrencyStamp must not be empty*").Which.ParamName.Should().Be("expectedStamp");
        await FluentActions.Awaiting(() => h.Privacy.EraseAsync(default, c.Id)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Privacy.EraseAsync(TenantA, default)).Should().ThrowAsync<ArgumentException>();
        (await LoadAsync(h, TenantA, c.Id)).Should().BeSameAs(c);
    }

    [Fact]
    public async Task AnErasedContact_RefusesEveryChange()
    {
        var h = new PrivacyHarness();
        var c = await h.Contacts.CreateAsync(TenantA);
        await h.Privacy.EraseAsync(TenantA, c.Id);
        var erased = await LoadAsync(h, TenantA, c.Id);

        (await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, c.Id, erased.ConcurrencyStamp, e => e.SetBirthplace("Oslo")))
            .Should().ThrowAsync<ContactNotActiveException>()).Which.Status.Should().Be(ContactStatus.Erased);
        await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantA, c.Id, erased.ConcurrencyStamp, LifecycleStage.Customer))
            .Should().ThrowAsync<ContactNotActiveException>();
        await FluentActions.Awaiting(() => h.Manager.GrantConsentAsync(TenantA, c.Id, erased.ConcurrencyStamp, PrivacyHarness.Newsletter, ConsentAddress.Any, LawfulBasis.Consent, "web"))
            .Should().ThrowAsync<ContactNotActiveException>();
        (await LoadAsync(h, TenantA, c.Id)).Should().BeSameAs(erased);
    }

    [Fact]
    public async Task Erase_WhenAnotherContributorFails_ReportsItIncomplete_KeepsTheContactErased_AndARetryCompletes()
    {
        var shop = new RecordingContributor { FailErase = new TimeoutException("shop db down") };
        var after = new RecordingContributor("newsletter-tool");
        var h = new PrivacyHarness(shop, after);
        var c = await h.CreateRichAsync(TenantA);

        var report = await h.Privacy.EraseAsync(TenantA, c.Id);

        report.IsComplete.Should().BeFalse();
        report.Contributors.Select(r => (r.Name, r.Succeeded)).Should().Equal(("contacts", true), ("shop", false), ("newsletter-tool", true));
        report.Contributors[1].Error.Should().BeOfType<TimeoutException>();
        report.Contributors[1].ErasedItems.Should().BeEmpty();
        (await LoadAsync(h, TenantA, c.Id)).Status.Should().Be(ContactStatus.Erased);
        var logs = h.Logger.Collector.GetSnapshot();
        logs.Should().Contain(r => r.Id.Id == ContactsEventIds.PersonalDataContributorFailed && r.Exception is TimeoutException);
        logs.Should().Contain(r => r.Id.Id == ContactsEventIds.PersonalDataErasureIncomplete);
        h.Contacts.Events.OfType<PersonalDataErased>().Single().IsComplete.Should().BeFalse();

        shop.FailErase = null;
        var retry = await h.Privacy.EraseAsync(TenantA, c.Id);

        retry.IsComplete.Should().BeTrue();
        retry.WasAlreadyErased.Should().BeTrue();
        h.Logger.Collector.LatestRecord.Id.Id.Should().Be(ContactsEventIds.PersonalDataErased);
    }

    [Fact]
    public async Task Erase_WhenAContributorReturnsNoResult_ReportsItFailed()
    {
        var h = new PrivacyHarness(new DelegateContributor("loyalty", erase: () => null!));
        var c = await h.Contacts.CreateAsync(TenantA);

        var report = await h.Privacy.EraseAsync(TenantA, c.Id);

        report.Contributors[1].Error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("'loyalty'");
    }

    [Fact]
    public async Task Erase_WritesAnEventWithIdsOnly_ToTheOutbox_AfterTheWork()
    {
        var h = new PrivacyHarness();
        var c = await h.Contacts.CreateAsync(TenantA);
        h.Contacts.Clock.Reset(EraseTime);

        var report = await h.Privacy.EraseAsync(TenantA, c.Id);

        report.IsComplete.Should().BeTrue();
        var published = h.Contacts.Events.OfType<PersonalDataErased>().Should().ContainSingle().Subject;
        (published.TenantId, published.ContactId, published.WasAlreadyErased, published.IsComplete).Should().Be((TenantA, c.Id, false, true));
        (published.OccurredAt >= EraseTime).Should().BeTrue();
    }

    [Fact]
    public async Task Erase_OfAMergedRecord_ErasesItsLeftoverData()
    {
        var h = new PrivacyHarness();
        var target = await h.Contacts.CreateAsync(TenantA, SampleDraft("target@example.com"));
        var source = await h.CreateRichAsync(TenantA);
        var merged = source.AsMerged(target.Id, h.Contacts.Clock.GetCurrentInstant()).WithNewVersion(h.Contacts.Clock.GetCurrentInstant());
        await h.Store.SaveAsync(TenantA, new ContactChangeSet { Updated = [new ContactUpdate(merged, source.ConcurrencyStamp)] }, CancellationToken.None);

        await h.Privacy.EraseAsync(TenantA, source.Id);

        var erased = await LoadAsync(h, TenantA, source.Id);
        erased.Status.Should().Be(ContactStatus.Erased);
        PersonalDataInspector.FindPersonalValues(erased).Should().BeEmpty();
        (await LoadAsync(h, TenantA, target.Id)).Should().BeSameAs(target, "the merge target is a separate record; erase it with its own call");
    }

    [Fact]
    public async Task Erase_WithoutAStamp_RereadsAndErasesAConcurrentChange()
    {
        var store = new ChangeBeforeFirstSaveStore();
        var h = new ContactsHarness(store: store);
        var c = await h.CreateAsync();
        var contributor = new ContactPersonalDataContributor(store, h.Clock);
        store.BeforeNextSave = () => h.Manager.UpdateAsync(TenantA, c.Id, c.ConcurrencyStamp, e => e.SetBirthplace("Written concurrently"));

        var result = await contributor.EraseAsync(TenantA, c.Id, CancellationToken.None);

        result.ErasedItems.Should().Contain("Birthplace", "the second attempt saw the concurrent write");
        var erased = (await store.FindByIdAsync(TenantA, c.Id, CancellationToken.None))!;
        erased.Status.Should().Be(ContactStatus.Erased);
        erased.Birthplace.Should().BeNull();
    }

    /// <summary>Runs a concurrent write just before the next save reaches the store.</summary>
    private sealed class ChangeBeforeFirstSaveStore : IContactStore
    {
        private readonly Crm.Contacts.InMemory.InMemoryContactStore _inner = new();

        public Func<Task>? BeforeNextSave { get; set; }

        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _inner.FindByIdAsync(tenantId, contactId, cancellationToken);

        public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => _inner.ListAsync(tenantId, page, cancellationToken);

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => _inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

        public async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
        {
            if (BeforeNextSave is { } before)
            {
                BeforeNextSave = null;
                await before();
            }

            await _inner.SaveAsync(tenantId, changes, cancellationToken);
        }
    }
}
