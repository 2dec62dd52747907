using System.Text.Json;
using Crm.Contacts.Attributes;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Serialization;
using Crm.Contacts.Tests.TestSupport;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Serialization;

public sealed class ContactsJsonContextTests
{
    private static T RoundTrip<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        => JsonSerializer.Deserialize(JsonSerializer.Serialize(value, info), info)!;

    [Fact]
    public void NodaTimeTypes_RoundTrip_ThroughTheSourceGeneratedContext_InIsoForm()
    {
        var dto = new BirthdayDto { AnnualDate = new AnnualDate(2, 29), Year = 2000, DateOfBirth = new LocalDate(2000, 2, 29) };
        var section = new ContactSectionDto
        {
            Contact = new ContactRecordDto
            {
                Id = ContactId.New(),
                TenantId = TenantA,
                CreatedAt = Instant.FromUtc(2024, 12, 31, 23, 59, 59) + Duration.FromMilliseconds(123),
                UpdatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
                StatusChangedAt = Instant.FromUtc(2025, 2, 3, 4, 5, 6),
                Birthday = dto,
                Attributes = [new AttributeDto { Name = "d", Kind = CustomAttributeKind.Date, Value = "1999-12-31", Date = new LocalDate(1999, 12, 31) }],
                Stage = LifecycleStage.RepeatCustomer,
            },
        };
        var info = ContactsJsonContext.Configured.ContactSectionDto;

        var json = JsonDocument.Parse(JsonSerializer.Serialize(section, info)).RootElement.GetProperty("contact");
        json.GetProperty("createdAt").GetString().Should().Be("2024-12-31T23:59:59.123Z");
        json.GetProperty("birthday").GetProperty("annualDate").GetString().Should().Be("02-29");
        json.GetProperty("birthday").GetProperty("dateOfBirth").GetString().Should().Be("2000-02-29");
        json.GetProperty("attributes")[0].GetProperty("date").GetString().Should().Be("1999-12-31");
        json.GetProperty("stage").GetString().Should().Be("RepeatCustomer");

        var back = RoundTrip(section, info).Contact;
        back.CreatedAt.Should().Be(section.Contact.CreatedAt);
        back.StatusChangedAt.Should().Be(section.Contact.StatusChangedAt);
        back.Birthday!.AnnualDate.Should().Be(new AnnualDate(2, 29));
        back.Birthday.DateOfBirth.Should().Be(new LocalDate(2000, 2, 29));
        back.Attributes[0].Date.Should().Be(new LocalDate(1999, 12, 31));
        back.Id.Should().Be(section.Contact.Id);
        back.TenantId.Should().Be(TenantA);
        back.Stage.Should().Be(LifecycleStage.RepeatCustomer);
    }

    [Fact]
    public async Task TheContactsSection_RoundTrips_FieldForField()
    {
        var h = new PrivacyHarness();
        var c = await h.CreateRichAsync(TenantA);
        var section = ContactExportMapper.ToSection(c, null);
        var info = ContactsJsonContext.Configured.ContactSectionDto;

        var back = RoundTrip(section, info);

        JsonSerializer.Serialize(back, info).Should().Be(JsonSerializer.Serialize(section, info));
        back.Contact.Birthday!.AnnualDate.Should().Be(c.Birthday!.Value.AnnualDate);
        back.Contact.LifecycleHistory.Select(t => t.At).Should().Equal(c.LifecycleHistory.Select(t => t.At));
        back.Contact.ConsentHistory.Select(r => r.RecordedAt).Should().Equal(c.ConsentHistory.Select(r => r.RecordedAt));
    }

    [Fact]
    public void TheEnvelope_RoundTrips_WithSectionsInOrder()
    {
        var document = new PersonalDataExportDocument
        {
            SchemaVersion = 1,
            GeneratedAt = Instant.FromUtc(2025, 6, 1, 10, 0),
            TenantId = TenantB,
            ContactId = ContactId.New(),
            Sections = new() { ["contacts"] = JsonDocument.Parse("""{"a":1}""").RootElement, ["loyalty"] = null },
        };
        var info = ContactsJsonContext.Configured.PersonalDataExportDocument;

        var json = JsonSerializer.Serialize(document, info);
        var back = RoundTrip(document, info);

        json.Should().StartWith("""{"schemaVersion":1,"generatedAt":"2025-06-01T10:00:00Z","tenantId":"tenant-b","contactId":""");
        back.GeneratedAt.Should().Be(document.GeneratedAt);
        back.ContactId.Should().Be(document.ContactId);
        back.Sections.Keys.Should().Equal("contacts", "loyalty");
        back.Sections["loyalty"].Should().BeNull();
    }

    [Fact]
    public void WithoutTheNodaTimeConverters_AnInstantIsNotWrittenInIsoForm()
    {
        // Why Configured exists: the generated metadata alone does not know NodaTime's formats.
        var plain = JsonSerializer.Serialize(new PersonalDataExportDocument { GeneratedAt = Instant.FromUtc(2025, 6, 1, 10, 0) }, ContactsJsonContext.Default.PersonalDataExportDocument);
        plain.Should().NotContain("\"2025-06-01T10:00:00Z\"");
    }

    [Fact]
    public void Enums_AreWrittenAsNames_AndIntegersAreRefusedOnRead()
    {
        var info = ContactsJsonContext.Configured.ContactSectionDto;
        var json = """{"contact":{"stage":3}}""";
        FluentActions.Invoking(() => JsonSerializer.Deserialize(json, info)).Should().Throw<JsonException>();
    }

    [Fact]
    public void EmailAddresses_AndNonLatinNames_AreWrittenReadably()
    {
        var dto = new NameDto { DisplayName = "山田太郎", SortName = "やまだ たろう" };
        var section = new ContactSectionDto { Contact = new ContactRecordDto { Name = dto, Emails = [new EmailDto { Address = "a+b@x.example", NormalizedAddress = "a+b@x.example", Original = "a+b@x.example" }] } };

        var json = JsonSerializer.Serialize(section, ContactsJsonContext.Configured.ContactSectionDto);

        json.Should().Contain("山田太郎").And.Contain("a+b@x.example");
    }
}
