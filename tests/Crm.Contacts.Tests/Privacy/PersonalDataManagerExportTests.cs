using System.Reflection;
using System.Text.Json;
using System.Text;
using Crm.Contacts.Events;
using Crm.Contacts.InMemory;
using Crm.Contacts.Privacy;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Privacy;

public sealed class PersonalDataManagerExportTests
{
    private static readonly Instant ExportTime = Instant.FromUtc(2025, 4, 2, 8, 30, 15);

    private static JsonElement Root(PersonalDataExport export) => JsonDocument.Parse(export.ToJsonString()).RootElement;

    private static JsonElement Section(PersonalDataExport export) => Root(export).GetProperty("sections").GetProperty("contacts");

    private static JsonElement Record(PersonalDataExport export) => Section(export).GetProperty("contact");

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public async Task Export_WritesTheVersionedEnvelope_WithOneSectionPerContributor_ContactsFirst()
    {
        var shop = new RecordingContributor();
        var h = new PrivacyHarness(shop);
        var c = await h.CreateRichAsync(TenantA);
        h.Contacts.Clock.Reset(ExportTime);

        var export = await h.Privacy.ExportAsync(TenantA, c.Id);

        var root = Root(export);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(PersonalDataExport.CurrentSchemaVersion).And.Be(1);
        Str(root, "generatedAt").Should().Be("2025-04-02T08:30:15Z");
        Str(root, "tenantId").Should().Be("tenant-a");
        Str(root, "contactId").Should().Be(c.Id.ToString());
        root.GetProperty("sections").EnumerateObject().Select(p => p.Name).Should().Equal("contacts", "shop");
        root.GetProperty("sections").GetProperty("shop").GetProperty("orders")[0].GetProperty("shippingCity").GetString().Should().Be("Ulaanbaatar");
        export.GeneratedAt.Should().Be(ExportTime);
        export.Sections.Keys.Should().Equal("contacts", "shop");
        shop.Calls.Should().Equal([("export", TenantA, c.Id)]);
    }

    [Fact]
    public async Task Export_ContactSection_HoldsEveryField()
    {
        var h = new PrivacyHarness();
        var c = await h.CreateRichAsync(TenantA);

        var r = Record(await h.Privacy.ExportAsync(TenantA, c.Id));

        Str(r, "id").Should().Be(c.Id.ToString());
        Str(r, "tenantId").Should().Be("tenant-a");
        Str(r, "status").Should().Be("Active");
        Str(r, "createdAt").Should().Be("2025-03-01T12:00:00Z");
        Str(r, "updatedAt").Should().Be(c.UpdatedAt.ToString());
        r.GetProperty("statusChangedAt").ValueKind.Should().Be(JsonValueKind.Null);
        r.GetProperty("mergedIntoId").ValueKind.Should().Be(JsonValueKind.Null);
        Str(r, "origin").Should().Be("Import");
        var acquisition = r.GetProperty("acquisition");
        (Str(acquisition, "source"), Str(acquisition, "medium"), Str(acquisition, "campaign"), Str(acquisition, "detail"))
            .Should().Be(("google", "cpc", "spring-sale", "kw:zelda quartermaine"));
        var name = r.GetProperty("name");
        (Str(name, "displayName"), Str(name, "givenName"), Str(name, "familyName"), Str(name, "sortName"))
            .Should().Be(("Zelda Quartermaine", "Zelda", "Quartermaine", "Quartermaine, Zelda"));
        var emails = r.GetProperty("emails");
        emails.GetArrayLength().Should().Be(2);
        Str(emails[0], "address").Should().Be("Zelda.Q@private-mail.example");
        Str(emails[0], "normalizedAddress").Should().Be("zelda.q@private-mail.example");
        Str(emails[0], "original").Should().Be("Zelda.Q@Private-Mail.example");
        emails[0].GetProperty("isPrimary").GetBoolean().Should().BeTrue();
        emails[1].GetProperty("isPrimary").GetBoolean().Should().BeFalse();
        var phones = r.GetProperty("phoneNumbers");
        Str(phones[0], "e164").Should().Be("+442079460991");
        Str(phones[0], "original").Should().Be("+44 20 7946 0991");
        Str(phones[0], "regionCode").Should().Be("GB");
        Str(phones[1], "extension").Should().Be("12");
        var birthday = r.GetProperty("birthday");
        Str(birthday, "annualDate").Should().Be("03-14");
        birthday.GetProperty("year").GetInt32().Should().Be(1990);
        Str(birthday, "dateOfBirth").Should().Be("1990-03-14");
        Str(r, "birthplace").Should().Be("Ulaanbaatar");
        Str(r, "preferredLanguage").Should().Be("pt-BR");
        Str(r, "timeZone").Should().Be("Europe/Paris");
        r.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("VIP", "Wheelchair user");
        var attributes = r.GetProperty("attributes").EnumerateArray().ToDictionary(a => Str(a, "name"));
        attributes.Keys.Should().BeEquivalentTo("allergy", "shoeSize", "member", "weddingDay", "creditLimit");
        Str(attributes["allergy"], "kind").Should().Be("Text");
        Str(attributes["allergy"], "value").Should().Be("Peanuts, severe");
        Str(attributes["shoeSize"], "value").Should().Be("38.5");
        Str(attributes["member"], "value").Should().Be("true");
        Str(attributes["weddingDay"], "date").Should().Be("2015-06-20");
        attributes["creditLimit"].GetProperty("amount").GetDecimal().Should().Be(1250.75m);
        Str(attributes["creditLimit"], "currency").Should().Be("EUR");
        var history = r.GetProperty("consentHistory");
        history.EnumerateArray().Select(e => Str(e, "action")).Should().Equal("Granted", "Confirmed", "Granted", "Withdrawn");
        Str(history[0], "purpose").Should().Be("newsletter");
        Str(history[0], "addressKind").Should().Be("Email");
        Str(history[0], "address").Should().Be("zelda.q@private-mail.example");
        Str(history[0], "basis").Should().Be("Consent");
        Str(history[0], "source").Should().Be("web:signup-form:v3");
        history[0].GetProperty("awaitsConfirmation").GetBoolean().Should().BeTrue();
        Str(history[0], "recordedAt").Should().Be(c.ConsentHistory[0].RecordedAt.ToString());
        Str(history[2], "address").Should().Be("+442079460991");
        Str(history[2], "basis").Should().Be("LegitimateInterests");
        var consents = r.GetProperty("consents");
        consents.EnumerateArray().Select(e => (Str(e, "purpose"), Str(e, "status"))).Should().Equal(("newsletter", "Granted"), ("sms-offers", "Withdrawn"));
        Str(consents[0], "confirmedAt").Should().Be(c.ConsentHistory[1].RecordedAt.ToString());
        Str(r, "stage").Should().Be("Churned");
        var lifecycle = r.GetProperty("lifecycleHistory");
        lifecycle.EnumerateArray().Select(e => Str(e, "to")).Should().Equal("Lead", "Customer", "Churned");
        lifecycle[0].GetProperty("from").ValueKind.Should().Be(JsonValueKind.Null);
        Str(lifecycle[2], "from").Should().Be("Customer");
        Str(lifecycle[2], "at").Should().Be(c.LifecycleHistory[2].At.ToString());
        Str(lifecycle[2], "churnReasonCode").Should().Be("price");
        Str(lifecycle[2], "churnReasonNote").Should().Be("Zelda said: far too dear");
    }

    [Fact]
    public async Task Export_CoversEveryPublicPropertyOfContact()
    {
        // Fails when Contact gains a property that the export does not write: map it in ContactExportMapper.
        var exportedElsewhere = new Dictionary<string, string>
        {
            [nameof(Contact.PrimaryEmail)] = "emails[].isPrimary",
            [nameof(Contact.PrimaryPhoneNumber)] = "phoneNumbers[].isPrimary",
            [nameof(Contact.ConcurrencyStamp)] = "not exported: a random version token, nothing about the person",
        };
        var h = new PrivacyHarness();
        var c = await h.CreateRichAsync(TenantA);
        var record = Record(await h.Privacy.ExportAsync(TenantA, c.Id));
        var written = record.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var property in typeof(Contact).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (exportedElsewhere.ContainsKey(property.Name))
            {
                continue;
            }

            written.Should().Contain(JsonNamingPolicy.CamelCase.ConvertName(property.Name), $"Contact.{property.Name} must be exported");
        }
    }

    [Fact]
    public async Task Export_HasTheReferralFacts_WhoReferredTheContactAndWhomItReferred()
    {
        var h = new PrivacyHarness();
        var referrer = await h.Contacts.CreateAsync(TenantA, SampleDraft("referrer@example.com"));
        var c = await h.CreateRichAsync(TenantA);
        var referee1 = await h.Contacts.CreateAsync(TenantA, SampleDraft("r1@example.com"));
        var referee2 = await h.Contacts.CreateAsync(TenantA, SampleDraft("r2@example.com"));
        var grandchild = await h.Contacts.CreateAsync(TenantA, SampleDraft("g@example.com"));
        var request = await h.AskForReferralAsync(TenantA, c.Id);
        var inbound = await h.ReferAsync(TenantA, c.Id, referrer.Id);
        var out1 = await h.ReferAsync(TenantA, referee1.Id, c.Id, request.Id);
        await h.ReferAsync(TenantA, referee2.Id, c.Id);
        await h.ReferAsync(TenantA, grandchild.Id, referee1.Id);

        var referrals = Section(await h.Privacy.ExportAsync(TenantA, c.Id)).GetProperty("referrals");

        var by = referrals.GetProperty("referredBy");
        Str(by, "contactId").Should().Be(referrer.Id.ToString());
        Str(by, "referredAt").Should().Be(inbound.ReferredAt.ToString());
        by.GetProperty("requestId").ValueKind.Should().Be(JsonValueKind.Null);
        var referred = referrals.GetProperty("referred").EnumerateArray().ToList();
        referred.Select(e => Str(e, "contactId")).Should().BeEquivalentTo(referee1.Id.ToString(), referee2.Id.ToString());
        var first = referred.Single(e => Str(e, "contactId") == referee1.Id.ToString());
        Str(first, "referredAt").Should().Be(out1.ReferredAt.ToString());
        Str(first, "requestId").Should().Be(request.Id.ToString());
        var requests = referrals.GetProperty("requests");
        requests.GetArrayLength().Should().Be(1);
        Str(requests[0], "id").Should().Be(request.Id.ToString());
        Str(requests[0], "channel").Should().Be("email");
        Str(requests[0], "outcome").Should().Be("Accepted");
        Str(requests[0], "askedAt").Should().Be(request.AskedAt.ToString());
        Str(requests[0], "answeredAt").Should().Be(request.AnsweredAt!.Value.ToString());
    }

    [Fact]
    public async Task Export_WithAStoreWithoutReferrals_WritesReferralsAsNull()
    {
        var h = new ContactsHarness(store: new ContactsOnlyStore());
        var c = await h.CreateAsync();
        var manager = new PersonalDataManager([new ContactPersonalDataContributor(h.Store, h.Clock)], h.Clock, h.Store, h.EventIds, new FakeLogger<PersonalDataManager>());

        var section = Section(await manager.ExportAsync(TenantA, c.Id));

        section.GetProperty("referrals").ValueKind.Should().Be(JsonValueKind.Null);
        Str(section.GetProperty("contact"), "id").Should().Be(c.Id.ToString());
    }

    [Fact]
    public async Task Export_OfAnUnknownContactOrTenant_ThrowsNotFound_AndAsksNoOtherContributor()
    {
        var shop = new RecordingContributor();
        var h = new PrivacyHarness(shop);
        var c = await h.Contacts.CreateAsync(TenantA);

        (await FluentActions.Awaiting(() => h.Privacy.ExportAsync(TenantA, ContactId.New())).Should().ThrowAsync<ContactNotFoundException>())
            .Which.Code.Should().Be(ContactNotFoundException.ErrorCode);
        await FluentActions.Awaiting(() => h.Privacy.ExportAsync(TenantB, c.Id)).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Privacy.ExportAsync(new TenantId("never-used"), c.Id)).Should().ThrowAsync<ContactNotFoundException>();

        shop.Calls.Should().BeEmpty();
        h.Contacts.Events.OfType<PersonalDataExported>().Should().BeEmpty();
    }

    [Fact]
    public async Task Export_WithEmptyIds_ThrowsArgumentException()
    {
        var h = new PrivacyHarness();
        (await FluentActions.Awaiting(() => h.Privacy.ExportAsync(default, ContactId.New())).Should().ThrowAsync<ArgumentException>())
            .WithMessage("*TenantId must not be empty*");
        (await FluentActions.Awaiting(() => h.Privacy.ExportAsync(TenantA, default)).Should().ThrowAsync<ArgumentException>())
            .WithMessage("*ContactId*");
    }

    [Fact]
    public async Task Export_WhenAContributorHoldsNothing_WritesItsSectionAsNull()
    {
        var h = new PrivacyHarness(new DelegateContributor("loyalty", export: () => null));
        var c = await h.Contacts.CreateAsync(TenantA);

        var export = await h.Privacy.ExportAsync(TenantA, c.Id);

        Root(export).GetProperty("sections").GetProperty("loyalty").ValueKind.Should().Be(JsonValueKind.Null);
        export.Sections["loyalty"].Should().BeNull();
    }

    [Fact]
    public async Task Export_WhenAContributorFails_Throws_AndPublishesNothing()
    {
        var h = new PrivacyHarness(new DelegateContributor("loyalty", export: () => throw new TimeoutException("db down")));
        var c = await h.Contacts.CreateAsync(TenantA);

        await FluentActions.Awaiting(() => h.Privacy.ExportAsync(TenantA, c.Id)).Should().ThrowAsync<TimeoutException>();
        h.Contacts.Events.OfType<PersonalDataExported>().Should().BeEmpty();
    }

    [Fact]
    public async Task Export_WhenAContributorReturnsAnUndefinedElement_ThrowsNamingIt()
    {
        var h = new PrivacyHarness(new DelegateContributor("loyalty", export: () => default(JsonElement)));
        var c = await h.Contacts.CreateAsync(TenantA);

        (await FluentActions.Awaiting(() => h.Privacy.ExportAsync(TenantA, c.Id)).Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("*'loyalty'*undefined*");
    }

    [Fact]
    public async Task Export_WritesAnEventWithIdsOnly_ToTheOutbox()
    {
        var h = new PrivacyHarness();
        var c = await h.Contacts.CreateAsync(TenantA);
        h.Contacts.Clock.Reset(ExportTime);

        var export = await h.Privacy.ExportAsync(TenantA, c.Id);

        var published = h.Contacts.Events.OfType<PersonalDataExported>().Should().ContainSingle().Subject;
        published.Should().Be(new PersonalDataExported(TenantA, ExportTime, c.Id) { EventId = published.EventId });
        published.EventId.IsEmpty.Should().BeFalse();
        export.ContactId.Should().Be(c.Id);
    }

    [Fact]
    public async Task Export_SerializationsAgree()
    {
        var h = new PrivacyHarness(new RecordingContributor());
        var c = await h.CreateRichAsync(TenantA);
        var export = await h.Privacy.ExportAsync(TenantA, c.Id);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            export.WriteTo(writer);
        }

        Encoding.UTF8.GetString(export.ToUtf8Bytes()).Should().Be(export.ToJsonString());
        JsonElement.DeepEquals(JsonDocument.Parse(stream.ToArray()).RootElement, Root(export)).Should().BeTrue("the writer's own encoder may escape differently, but the values are the same");
        export.ToJsonString().Should().Contain("\"+442079460991\"", "a readable file: '+' is not escaped");
        FluentActions.Invoking(() => export.WriteTo(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task Export_OfAnErasedContact_ShowsTheStatusAndNoPersonalData()
    {
        var h = new PrivacyHarness();
        var c = await h.CreateRichAsync(TenantA);
        await h.Privacy.EraseAsync(TenantA, c.Id);

        var json = (await h.Privacy.ExportAsync(TenantA, c.Id)).ToJsonString();

        var record = JsonDocument.Parse(json).RootElement.GetProperty("sections").GetProperty("contacts").GetProperty("contact");
        Str(record, "status").Should().Be("Erased");
        foreach (var value in new[] { "Zelda", "Quartermaine", "private-mail", "7946", "Ulaanbaatar", "Peanuts", "far too dear", "kw:" })
        {
            json.Should().NotContain(value);
        }
    }

}
