using Crm.Contacts.Attributes;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Events;
using Crm.Contacts.InMemory;
using Crm.Contacts.Profile;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime.Testing;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Duplicates;

public sealed class DuplicateDetectorTests
{
    [Fact]
    public async Task Email_MatchesCaseInsensitively()
    {
        var h = new DuplicatesHarness();
        var existing = await h.CreateAsync("Ann Lee", "ann.lee@example.com");

        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["ANN.LEE@Example.com"] });

        result.Matches.Should().ContainSingle().Which.Should().Be(new DuplicateMatch(existing.Id, 0, h.Options.Duplicates.Rules[0]));
        result.SkippedKeys.Should().BeEmpty();
    }

    [Fact]
    public async Task Phone_MatchesAcrossFormats()
    {
        var h = new DuplicatesHarness();
        var existing = await h.CreateAsync("Ann", phone: "+44 20 7946 0018");

        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { PhoneNumbers = ["020 7946 0018"] });

        result.Matches.Should().ContainSingle().Which.ContactId.Should().Be(existing.Id);
        result.Matches[0].RuleIndex.Should().Be(1);
    }

    [Fact]
    public async Task NamesAndBirthday_MatchIgnoringCaseAndDiacritics()
    {
        var h = new DuplicatesHarness();
        var existing = await h.CreateAsync("José Núñez", given: "José", family: "Núñez", birthday: new Birthday(5, 1, 1980));

        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft
        {
            Name = new PersonName("JOSE NUNEZ", "jose", "NUNEZ"),
            Birthday = new Birthday(5, 1, 1980),
        });

        result.Matches.Should().ContainSingle().Which.Should().Match<DuplicateMatch>(m => m.ContactId == existing.Id && m.RuleIndex == 2);
    }

    [Fact]
    public async Task AllCriteriaOfARule_MustMatch()
    {
        var h = new DuplicatesHarness();
        await h.CreateAsync("José Núñez", given: "José", family: "Núñez", birthday: new Birthday(5, 1, 1980));

        var otherBirthday = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft
        {
            Name = new PersonName("José Núñez", "José", "Núñez"),
            Birthday = new Birthday(5, 2, 1980),
        });
        var noBirthday = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Name = new PersonName("José Núñez", "José", "Núñez") });

        otherBirthday.IsDuplicate.Should().BeFalse();
        noBirthday.IsDuplicate.Should().BeFalse();
    }

    [Fact]
    public async Task AnyRule_Suffices_AndMatchesAreOrderedByRule()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.Rules = [new(DuplicateCriterion.GivenName, DuplicateCriterion.FamilyName), new(DuplicateCriterion.Email)]);
        var byEmail = await h.CreateAsync("Someone Else", "ann@example.com");
        var byName = await h.CreateAsync("Ann Lee", given: "Ann", family: "Lee");

        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Name = new PersonName("Ann Lee", "Ann", "Lee"), Emails = ["ann@example.com"] });

        result.Matches.Select(m => (m.ContactId, m.RuleIndex)).Should().Equal((byName.Id, 0), (byEmail.Id, 1));
    }

    [Fact]
    public async Task CustomAttributeCriterion_Matches()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.Rules = [new(DuplicateCriterion.Attribute("customerNo"))]);
        var existing = await h.Manager.CreateAsync(Tenant, new ContactDraft
        {
            Attributes = new Dictionary<string, CustomAttributeValue> { ["CustomerNo"] = CustomAttributeValue.Text("AB-12") },
        });

        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft
        {
            Attributes = new Dictionary<string, CustomAttributeValue> { ["customerno"] = CustomAttributeValue.Text("ab 12") },
        });

        result.Matches.Should().ContainSingle().Which.ContactId.Should().Be(existing.Id);
    }

    [Fact]
    public async Task ValueSharedByTooManyContacts_IsSkipped_AndReported()
    {
        var h = new DuplicatesHarness(o =>
        {
            o.Duplicates.MaxCandidatesPerKey = 3;
            o.Duplicates.OnCreate = DuplicateCreateAction.Allow;
        });
        for (var i = 0; i < 4; i++)
        {
            await h.CreateAsync($"Office {i}", $"o{i}@example.com", "+44 20 7946 0000");
        }

        var sameEmail = await h.CreateAsync("Ann", "ann@example.com");
        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["ann@example.com"], PhoneNumbers = ["+44 20 7946 0000"] });

        result.Matches.Should().ContainSingle().Which.ContactId.Should().Be(sameEmail.Id);
        result.SkippedKeys.Should().ContainSingle().Which.Should().Be(new DuplicateKey(DuplicateCriterion.Phone, "+442079460000"));
        h.DetectorLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.DuplicateKeysSkipped);
    }

    [Fact]
    public async Task ValueSharedByExactlyTheLimit_StillMatches()
    {
        var h = new DuplicatesHarness(o =>
        {
            o.Duplicates.MaxCandidatesPerKey = 3;
            o.Duplicates.OnCreate = DuplicateCreateAction.Allow;
        });
        for (var i = 0; i < 3; i++)
        {
            await h.CreateAsync($"Office {i}", phone: "+44 20 7946 0000");
        }

        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { PhoneNumbers = ["+44 20 7946 0000"] });

        result.Matches.Should().HaveCount(3);
        result.SkippedKeys.Should().BeEmpty();
    }

    [Fact]
    public async Task StoredContact_DoesNotMatchItself_ButMatchesOthers()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);
        var a = await h.CreateAsync("Ann", "ann@example.com");
        var b = await h.CreateAsync("Ann B", "ANN@example.com");

        var result = await h.Detector.FindDuplicatesAsync(Tenant, a.Id);

        result.Matches.Select(m => m.ContactId).Should().Equal(b.Id);
    }

    [Fact]
    public async Task ChangedEmail_OldValueNoLongerMatches()
    {
        var h = new DuplicatesHarness();
        var a = await h.CreateAsync("Ann", "old@example.com");
        await h.Manager.UpdateAsync(Tenant, a.Id, a.ConcurrencyStamp, e =>
        {
            e.RemoveEmail("old@example.com");
            e.AddEmail("new@example.com");
        });

        (await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["old@example.com"] })).IsDuplicate.Should().BeFalse();
        (await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["new@example.com"] })).Matches.Should().ContainSingle();
    }

    [Fact]
    public async Task MergedContacts_AreNotCandidates()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);
        var survivor = await h.CreateAsync("Ann", "ann@example.com");
        var absorbed = await h.CreateAsync("Ann L", "ann.l@example.com");
        await h.MergeAsync(survivor.Id, absorbed.Id);

        var result = await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["ann.l@example.com"] });

        result.Matches.Select(m => m.ContactId).Should().Equal(survivor.Id);
    }

    [Fact]
    public async Task OtherTenants_AreNeverCandidates()
    {
        var h = new DuplicatesHarness();
        await h.Manager.CreateAsync(new TenantId("other"), new ContactDraft { Emails = ["ann@example.com"] });

        (await h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["ann@example.com"] })).IsDuplicate.Should().BeFalse();
    }

    [Fact]
    public async Task InvalidDraft_ThrowsNamingTheField()
    {
        var h = new DuplicatesHarness();
        var act = () => h.Detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["ok@example.com", "broken@"] });
        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("ContactDraft.Emails[1]: EmailAddress must have a domain*");
    }

    [Fact]
    public async Task BadArguments_Throw()
    {
        var h = new DuplicatesHarness();
        await FluentActions.Awaiting(() => h.Detector.FindDuplicatesAsync(default, new ContactDraft())).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Detector.FindDuplicatesAsync(Tenant, (ContactDraft)null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => h.Detector.FindDuplicatesAsync(Tenant, default(ContactId))).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Detector.FindDuplicatesAsync(Tenant, ContactId.New())).Should().ThrowAsync<ContactNotFoundException>();
    }

    [Fact]
    public async Task StoreWithoutIndex_Throws()
    {
        var options = new ContactOptions();
        options.Duplicates.Enabled = true;
        var detector = new DuplicateDetector(new NoIndexStore(), new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0)), NullLogger<DuplicateDetector>.Instance, Options.Create(options));

        var act = () => detector.FindDuplicatesAsync(Tenant, new ContactDraft { Emails = ["ann@example.com"] });

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*does not implement IContactDuplicateIndex*");
    }

    [Fact]
    public async Task InMemoryIndex_FlagsKeysOverTheLimit_AndRefusesABadLimit()
    {
        var store = new InMemoryContactStore();
        var h = new DuplicatesHarness();
        var contacts = new List<Contact>();
        for (var i = 0; i < 3; i++)
        {
            contacts.Add(await h.CreateAsync($"P{i}", phone: "+44 20 7946 0000"));
        }

        await store.SaveAsync(Tenant, new ContactChangeSet { Created = contacts }, CancellationToken.None);
        var key = new DuplicateKey(DuplicateCriterion.Phone, "+442079460000");
        var unknown = new DuplicateKey(DuplicateCriterion.Phone, "+442079460001");

        var found = await store.FindByDuplicateKeysAsync(Tenant, [key, unknown], 2, CancellationToken.None);

        found[0].ContactIds.Should().Equal(contacts.Select(c => c.Id).Order().Take(2));
        found[0].ExceedsLimit.Should().BeTrue();
        found[1].Should().BeEquivalentTo(new DuplicateKeyMatch(unknown, [], false));
        await FluentActions.Awaiting(async () => await store.FindByDuplicateKeysAsync(Tenant, [key], 0, CancellationToken.None)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await store.FindByDuplicateKeysAsync(new TenantId("nobody"), [key], 2, CancellationToken.None)).Should().ContainSingle().Which.ContactIds.Should().BeEmpty();
    }

    private sealed class NoIndexStore : IContactStore
    {
        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => ValueTask.FromResult<Contact?>(null);

        public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => ValueTask.FromResult(new Page<Contact>([], null));

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => ValueTask.FromResult<ContactId?>(null);

        public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
