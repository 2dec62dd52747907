using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Events;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Profile;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests;

public sealed class ContactManagerTests
{
    [Fact]
    public async Task CreateAsync_StoresEveryDraftField_AndPublishesContactCreated()
    {
        var h = new ContactsHarness();
        h.Clock.AutoAdvance = Duration.Zero;
        var now = h.Clock.GetCurrentInstant();
        var draft = new ContactDraft
        {
            Origin = RecordOrigin.Import,
            Acquisition = new AcquisitionSource("newsletter", "email", "spring"),
            InitialStage = LifecycleStage.Customer,
            Name = new PersonName("Ann Lee", "Ann", "Lee"),
            Emails = ["Ann@Example.com", "ann.work@example.org"],
            PhoneNumbers = ["020 7946 0018"],
            Birthday = new Birthday(2, 29, 1996),
            Birthplace = "Leeds",
            PreferredLanguage = "en-GB",
            TimeZoneId = "Europe/London",
            Tags = ["VIP", "vip", "Early  Adopter"],
            Attributes = new Dictionary<string, CustomAttributeValue> { ["shoeSize"] = CustomAttributeValue.Number(38) },
        };

        var contact = await h.Manager.CreateAsync(TenantA, draft);

        var stored = await h.Manager.GetAsync(TenantA, contact.Id);
        stored.Should().BeSameAs(contact);
        contact.TenantId.Should().Be(TenantA);
        contact.Origin.Should().Be(RecordOrigin.Import);
        contact.Acquisition.Should().Be(new AcquisitionSource("newsletter", "email", "spring"));
        contact.Stage.Should().Be(LifecycleStage.Customer);
        contact.LifecycleHistory.Should().ContainSingle().Which.From.Should().BeNull();
        contact.Name!.DisplayName.Should().Be("Ann Lee");
        contact.PrimaryEmail!.Value.Address.Should().Be("Ann@example.com");
        contact.Emails.Should().HaveCount(2);
        contact.PrimaryPhoneNumber!.Value.E164.Should().Be("+442079460018");
        contact.Birthday.Should().Be(new Birthday(2, 29, 1996));
        contact.Birthplace.Should().Be("Leeds");
        contact.PreferredLanguage!.Value.Value.Should().Be("en-GB");
        contact.TimeZone!.Id.Should().Be("Europe/London");
        contact.Tags.Should().BeEquivalentTo(["VIP", "Early Adopter"]);
        contact.Tags.Contains("EARLY ADOPTER").Should().BeTrue();
        contact.Attributes["SHOESIZE"].AsNumber().Should().Be(38);
        contact.CreatedAt.Should().Be(now);
        contact.UpdatedAt.Should().Be(now);
        contact.Status.Should().Be(ContactStatus.Active);
        contact.ConcurrencyStamp.IsEmpty.Should().BeFalse();
        h.Events.Should().ContainSingle().Which.Should().BeOfType<ContactCreated>()
            .Which.Should().Match<ContactCreated>(e => e.ContactId == contact.Id && e.Origin == RecordOrigin.Import && e.TenantId == TenantA);
    }

    [Fact]
    public async Task CreateAsync_EmptyTenant_Throws_AndStoresNothing()
    {
        var h = new ContactsHarness();
        var act = () => h.Manager.CreateAsync(default, SampleDraft());
        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("TenantId must not be empty*");
        h.Events.Should().BeEmpty();
    }

    public static TheoryData<string, Func<ContactDraft>, string> BadDrafts() => new()
    {
        { "email without domain", () => new ContactDraft { Emails = ["ann@"] }, "*must have a domain after the '@'*" },
        { "unknown time zone", () => new ContactDraft { TimeZoneId = "Mars/Olympus_Mons" }, "TimeZone must be an IANA time zone id*" },
        { "unknown language", () => new ContactDraft { PreferredLanguage = "klingon" }, "Language tag must be a BCP-47*" },
        { "invalid phone", () => new ContactDraft { PhoneNumbers = ["+44 20 1"] }, "PhoneNumber *" },
        { "empty tag", () => new ContactDraft { Tags = [" "] }, "Tag must not be empty*" },
        { "bad attribute name", () => new ContactDraft { Attributes = new Dictionary<string, CustomAttributeValue> { ["9lives"] = CustomAttributeValue.Boolean(true) } }, "Custom attribute name must start*" },
        { "future birthday", () => new ContactDraft { Birthday = new Birthday(1, 1, 2030) }, "Birthday must not be in the future*" },
        { "bad idempotency key", () => new ContactDraft { IdempotencyKey = "has space" }, "An idempotency key may contain only printable ASCII*" },
        { "churned initial stage", () => new ContactDraft { InitialStage = LifecycleStage.Churned }, "*must be created in Lead*" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task CreateAsync_BadInput_ThrowsNamingTheRule_AndStoresNothing(string because, Func<ContactDraft> draft, string message)
    {
        var h = new ContactsHarness();
        await h.CreateAsync();
        var before = await StoreSnapshot.TakeAsync(h.Store, TenantA);

        var act = () => h.Manager.CreateAsync(TenantA, draft());

        (await act.Should().ThrowAsync<ArgumentException>(because)).WithMessage(message);
        (await StoreSnapshot.TakeAsync(h.Store, TenantA)).Should().Equal(before);
        h.Events.Should().ContainSingle("only the first, valid create published");
    }

    [Fact]
    public async Task CreateAsync_TooManyEmails_Throws()
    {
        var h = new ContactsHarness(o => o.MaxEmailAddresses = 2);
        var act = () => h.Manager.CreateAsync(TenantA, new ContactDraft { Emails = ["a@x.com", "b@x.com", "c@x.com"] });
        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*at most 2 email addresses (ContactOptions.MaxEmailAddresses)*");
    }

    [Fact]
    public async Task CreateAsync_NationalPhoneWithoutDefaultRegion_Throws()
    {
        var h = new ContactsHarness(o => o.DefaultPhoneRegion = null);
        var act = () => h.Manager.CreateAsync(TenantA, new ContactDraft { PhoneNumbers = ["020 7946 0018"] });
        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*needs a default region*");
    }

    [Fact]
    public async Task CreateAsync_DuplicateEmailsInDraft_AreStoredOnce()
    {
        var h = new ContactsHarness();
        var contact = await h.Manager.CreateAsync(TenantA, new ContactDraft { Emails = ["ann@example.com", "ANN@EXAMPLE.COM"] });
        contact.Emails.Should().ContainSingle();
    }

    [Fact]
    public async Task CreateAsync_SameIdempotencyKey_ReturnsTheFirstContact_AndCreatesOnce()
    {
        var h = new ContactsHarness();
        var first = await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "signup-7f3a", Emails = ["a@example.com"] });
        var second = await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "signup-7f3a", Emails = ["a@example.com"] });

        second.Id.Should().Be(first.Id);
        (await h.AllAsync(TenantA)).Should().ContainSingle();
        h.Events.OfType<ContactCreated>().Should().ContainSingle();
        h.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.IdempotentCreateReplayed);
    }

    [Fact]
    public async Task CreateAsync_SameIdempotencyKeyInParallel_CreatesExactlyOne()
    {
        for (var round = 0; round < 20; round++)
        {
            var h = new ContactsHarness();
            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "same-key", Emails = ["a@example.com"] }))));

            results.Select(c => c.Id).Distinct().Should().ContainSingle();
            (await h.AllAsync(TenantA)).Should().ContainSingle();
            h.Events.OfType<ContactCreated>().Should().ContainSingle();
        }
    }

    [Fact]
    public async Task CreateAsync_SameKeyInAnotherTenant_CreatesAnotherContact()
    {
        var h = new ContactsHarness();
        var a = await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "k1" });
        var b = await h.Manager.CreateAsync(TenantB, new ContactDraft { IdempotencyKey = "k1" });
        b.Id.Should().NotBe(a.Id);
        b.TenantId.Should().Be(TenantB);
    }

    [Fact]
    public async Task GetAsync_Unknown_ThrowsContactNotFound_FindReturnsNull()
    {
        var h = new ContactsHarness();
        var id = ContactId.New();
        (await h.Manager.FindAsync(TenantA, id)).Should().BeNull();
        var ex = (await FluentActions.Awaiting(() => h.Manager.GetAsync(TenantA, id)).Should().ThrowAsync<ContactNotFoundException>()).Which;
        ex.ContactId.Should().Be(id);
        ex.Code.Should().Be(ContactNotFoundException.ErrorCode);
    }

    [Fact]
    public async Task FindAsync_EmptyIds_AreRejected()
    {
        var h = new ContactsHarness();
        await FluentActions.Awaiting(() => h.Manager.FindAsync(default, ContactId.New())).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Manager.FindAsync(TenantA, default)).Should().ThrowAsync<ArgumentException>().WithMessage("ContactId must not be empty*");
    }

    [Fact]
    public async Task ListAsync_PagesThroughTheTenant()
    {
        var h = new ContactsHarness();
        for (var i = 0; i < 5; i++)
        {
            await h.CreateAsync();
        }

        await h.CreateAsync(TenantB);
        var first = await h.Manager.ListAsync(TenantA, PageRequest.First(3));
        var second = await h.Manager.ListAsync(TenantA, PageRequest.After(first.NextCursor!, 3));
        first.Items.Should().HaveCount(3);
        second.Items.Should().HaveCount(2);
        second.HasMore.Should().BeFalse();
        await FluentActions.Awaiting(() => h.Manager.ListAsync(TenantA, default)).Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task UpdateAsync_AppliesTheEdit_WithNewStampAndTime_AndPublishesChangedFields()
    {
        var h = new ContactsHarness();
        var contact = await h.CreateAsync();
        h.Clock.Advance(Duration.FromHours(1));

        var updated = await h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e =>
        {
            e.AddEmail("second@example.com", makePrimary: true);
            e.AddTag("gold");
            e.RemoveTag("vip");
            e.SetAttribute("tier", CustomAttributeValue.Text("gold"));
            e.SetBirthday(new Birthday(7, 9));
        });

        updated.ConcurrencyStamp.Should().NotBe(contact.ConcurrencyStamp);
        updated.UpdatedAt.Should().BeGreaterThan(contact.UpdatedAt);
        updated.PrimaryEmail!.Value.Address.Should().Be("second@example.com");
        updated.Tags.Should().Equal("gold");
        (await h.Manager.GetAsync(TenantA, contact.Id)).Should().BeSameAs(updated);
        contact.Tags.Should().BeEquivalentTo(new[] { "VIP" }, "the old snapshot never changes");
        h.Events.OfType<ContactUpdated>().Should().ContainSingle()
            .Which.ChangedFields.Should().Equal("Attributes", "Birthday", "Emails", "Tags");
    }

    [Fact]
    public async Task UpdateAsync_EditThatChangesNothing_WritesAndPublishesNothing()
    {
        var h = new ContactsHarness();
        var contact = await h.CreateAsync();
        var result = await h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e =>
        {
            e.AddTag("vip");
            e.AddEmail("ANN.LEE@example.com");
            e.RemoveEmail("nobody@example.com");
        });

        result.Should().BeSameAs(contact);
        h.Events.OfType<ContactUpdated>().Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateAsync_StaleStamp_ThrowsConflict_AndChangesNothing()
    {
        var h = new ContactsHarness();
        var contact = await h.CreateAsync();
        var first = await h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.AddTag("one"));

        var act = () => h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.AddTag("two"));

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Id.Should().Be(contact.Id.ToString());
        (await h.Manager.GetAsync(TenantA, contact.Id)).Should().BeSameAs(first);
    }

    [Fact]
    public async Task UpdateAsync_EditThatThrowsHalfway_WritesNothing()
    {
        var h = new ContactsHarness();
        var contact = await h.CreateAsync();
        var before = await StoreSnapshot.TakeAsync(h.Store, TenantA);

        var act = () => h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e =>
        {
            e.AddTag("fine");
            e.SetTimeZone("Europe/Atlantis");
        });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("TimeZone must be an IANA time zone id in the TZDB*");
        (await StoreSnapshot.TakeAsync(h.Store, TenantA)).Should().Equal(before);
        (await h.Manager.GetAsync(TenantA, contact.Id)).Tags.Should().NotContain("fine");
    }

    [Fact]
    public async Task UpdateAsync_EmptyStamp_OrNullEdit_AreRejected()
    {
        var h = new ContactsHarness();
        var contact = await h.CreateAsync();
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, contact.Id, default, e => e.AddTag("x")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("The expected ConcurrencyStamp must not be empty*");
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, null!))
            .Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task UpdateAsync_UnknownContact_ThrowsNotFound()
    {
        var h = new ContactsHarness();
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, ContactId.New(), ConcurrencyStamp.New(), e => e.AddTag("x")))
            .Should().ThrowAsync<ContactNotFoundException>();
    }

    [Fact]
    public async Task UpdateAsync_MergedContact_ThrowsNotActive_NamingTheTarget()
    {
        var h = new ContactsHarness();
        var contact = await h.CreateAsync();
        var target = ContactId.New();
        var merged = contact.AsMerged(target, h.Clock.GetCurrentInstant()).WithNewVersion(h.Clock.GetCurrentInstant());
        await h.Store.SaveAsync(TenantA, new ContactChangeSet { Updated = [new ContactUpdate(merged, contact.ConcurrencyStamp)] }, CancellationToken.None);

        var ex = (await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, contact.Id, merged.ConcurrencyStamp, e => e.AddTag("x")))
            .Should().ThrowAsync<ContactNotActiveException>()).Which;
        ex.MergedIntoId.Should().Be(target);
        ex.Code.Should().Be("crm.contact_not_active");
    }

    [Fact]
    public async Task UpdateAsync_EditorLimitsAndRules()
    {
        var h = new ContactsHarness(o => o.MaxTags = 2);
        var contact = await h.CreateAsync();
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => { e.AddTag("a"); e.AddTag("b"); }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*at most 2 tags (ContactOptions.MaxTags)*");
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.SetAttribute("x", default)))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*must have a value*");
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.AddEmail(default(EmailAddress))))
            .Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task UpdateAsync_RemovesAndClearsValues()
    {
        var h = new ContactsHarness();
        var contact = await h.Manager.CreateAsync(TenantA, SampleDraft() is var d ? new ContactDraft
        {
            Name = d.Name, Emails = d.Emails, PhoneNumbers = d.PhoneNumbers, TimeZoneId = "Asia/Tokyo", PreferredLanguage = "ja",
            Attributes = new Dictionary<string, CustomAttributeValue> { ["a"] = CustomAttributeValue.Boolean(true) },
        } : null!);

        var updated = await h.Manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e =>
        {
            e.RemoveEmail("ann.lee@example.com");
            e.RemovePhoneNumber("020 7946 0018");
            e.SetTimeZone(null);
            e.SetPreferredLanguage(null);
            e.RemoveAttribute("A");
            e.SetName(null);
        });

        updated.Emails.Should().BeEmpty();
        updated.PhoneNumbers.Should().BeEmpty();
        updated.TimeZone.Should().BeNull();
        updated.PreferredLanguage.Should().BeNull();
        updated.Attributes.Should().BeEmpty();
        updated.Name.Should().BeNull();
    }

    [Fact]
    public async Task Store_ReturningAnotherTenantsRecord_IsRefused()
    {
        var inner = new Crm.Contacts.InMemory.InMemoryContactStore();
        var h = new ContactsHarness(store: new WrongTenantStore(inner));
        var foreign = Contact.CreateNew(TenantB, ContactId.New(), RecordOrigin.Api, LifecycleStage.Lead, Instant.FromUtc(2025, 1, 1, 0, 0));
        await inner.SaveAsync(TenantB, new ContactChangeSet { Created = [foreign] }, CancellationToken.None);

        await FluentActions.Awaiting(() => h.Manager.FindAsync(TenantA, foreign.Id)).Should().ThrowAsync<InvalidOperationException>();
        await FluentActions.Awaiting(() => h.Manager.ListAsync(TenantA, PageRequest.First())).Should().ThrowAsync<InvalidOperationException>();
        h.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.StoreReturnedWrongRecord);
    }

    /// <summary>A broken store that ignores the tenant on reads: the manager must notice.</summary>
    private sealed class WrongTenantStore(IContactStore inner) : IContactStore
    {
        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
            => inner.FindByIdAsync(TenantB, contactId, cancellationToken);

        public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
            => inner.ListAsync(TenantB, page, cancellationToken);

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
            => inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

        public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
            => inner.SaveAsync(tenantId, changes, cancellationToken);
    }

    [Theory]
    [InlineData("Emails")]
    [InlineData("PhoneNumbers")]
    [InlineData("Tags")]
    [InlineData("Attributes")]
    public async Task CreateAsync_NullCollection_NamesTheDraftProperty(string property)
    {
        var h = new ContactsHarness();
        var draft = property switch
        {
            "Emails" => new ContactDraft { Emails = null! },
            "PhoneNumbers" => new ContactDraft { PhoneNumbers = null! },
            "Tags" => new ContactDraft { Tags = null! },
            _ => new ContactDraft { Attributes = null! },
        };

        var act = () => h.Manager.CreateAsync(TenantA, draft);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be($"draft.{property}");
    }

    [Fact]
    public async Task CreateAsync_BadIdempotencyKey_NamesTheDraftPropertyAndTheSharedRule()
    {
        var h = new ContactsHarness();

        var act = () => h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = new string('k', 201) });

        var error = (await act.Should().ThrowAsync<ArgumentException>()).Which;
        error.ParamName.Should().Be("draft.IdempotencyKey");
        error.Message.Should().StartWith(FluentActions.Invoking(() => new IdempotencyKey(new string('k', 201))).Should().Throw<ArgumentException>().Which.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public async Task CreateAsync_NameOfOnlyAZeroWidthSpace_IsRejected()
    {
        var h = new ContactsHarness();

        var act = () => h.Manager.CreateAsync(TenantA, new ContactDraft { Name = new PersonName("\u200B") });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("PersonName.DisplayName must not be empty*");
    }
}
