using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Crm.Contacts.Consent;
using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Contacts.Serialization;
using Crm.Contacts.Tests.TestSupport;
using Crm.Privacy;
using Crm.Storage;
using FluentAssertions.Equivalency;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Serialization;

public sealed class ContactSerializerTests
{
    /// <summary>Asserts that <paramref name="actual"/> holds exactly what <paramref name="expected"/> holds, member by member.</summary>
    internal static void ShouldBeSameSnapshot(Contact actual, Contact expected)
    {
        actual.Should().BeEquivalentTo(expected, Compare);

        // Value objects compare by their normalized forms only; the stored forms must come back too.
        actual.ConcurrencyStamp.Should().Be(expected.ConcurrencyStamp);
        (actual.CreatedAt, actual.UpdatedAt, actual.StatusChangedAt).Should().Be((expected.CreatedAt, expected.UpdatedAt, expected.StatusChangedAt));
        actual.Emails.Select(e => (e.Original, e.Address, e.NormalizedAddress)).Should().Equal(expected.Emails.Select(e => (e.Original, e.Address, e.NormalizedAddress)));
        actual.PhoneNumbers.Select(p => (p.Original, p.E164, p.Extension, p.RegionCode)).Should().Equal(expected.PhoneNumbers.Select(p => (p.Original, p.E164, p.Extension, p.RegionCode)));
        actual.Name?.HasExplicitSortName.Should().Be(expected.Name!.HasExplicitSortName);
        actual.Tags.Should().Equal(expected.Tags);
        actual.Attributes.Keys.Should().Equal(expected.Attributes.Keys);
        actual.ConsentHistory.Select(r => (r.Address.Kind, r.Address.Value, r.Address.IsErased)).Should().Equal(expected.ConsentHistory.Select(r => (r.Address.Kind, r.Address.Value, r.Address.IsErased)));
        actual.TimeZone.Should().BeSameAs(expected.TimeZone);
        actual.Stage.Should().Be(expected.Stage);
    }

    private static EquivalencyAssertionOptions<Contact> Compare(EquivalencyAssertionOptions<Contact> o) => o
        .WithStrictOrdering()
        .ComparingByMembers<EmailAddress>()
        .ComparingByMembers<PhoneNumber>()
        .ComparingByMembers<ConsentAddress>()
        .ComparingByValue<DateTimeZone>();

    private static Contact RoundTrip(Contact contact) => ContactSerializer.Deserialize(ContactSerializer.SerializeToUtf8Bytes(contact));

    [Fact]
    public async Task A_fully_populated_contact_round_trips_every_field()
    {
        var h = new PrivacyHarness();
        var rich = await h.CreateRichAsync(TenantA);

        // The control: the rich contact really fills every personal-data member and the non-personal ones.
        foreach (var marked in typeof(Contact).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute), true)))
        {
            PersonalDataInspector.FindPersonalValues(rich).Should().Contain(path => path.StartsWith($"Contact.{marked.Name}", StringComparison.Ordinal));
        }

        rich.Acquisition.Should().NotBeNull();
        rich.LifecycleHistory.Should().HaveCountGreaterThan(2);

        ShouldBeSameSnapshot(RoundTrip(rich), rich);
    }

    [Fact]
    public async Task An_erased_contact_round_trips_with_its_erased_consent_addresses()
    {
        var h = new PrivacyHarness();
        var rich = await h.CreateRichAsync(TenantA);
        await h.Privacy.EraseAsync(TenantA, rich.Id);
        var erased = (await h.Store.FindByIdAsync(TenantA, rich.Id, CancellationToken.None))!;
        erased.Status.Should().Be(ContactStatus.Erased);
        erased.ConsentHistory.Should().Contain(r => r.Address.IsErased);

        var back = RoundTrip(erased);

        ShouldBeSameSnapshot(back, erased);
        back.Status.Should().Be(ContactStatus.Erased);
        back.ConsentHistory.Where(r => r.Address.Kind != ConsentAddressKind.AnyAddress).Should().OnlyContain(r => r.Address.IsErased);
    }

    [Fact]
    public async Task A_merged_contact_and_its_survivor_round_trip()
    {
        var h = new DuplicatesHarness();
        var survivor = await h.CreateAsync("Ann Lee", "ann@example.com");
        var absorbed = await h.CreateAsync("Ann Lee", "ann.lee@work.example", "+44 20 7946 0018");
        var result = await h.MergeAsync(survivor.Id, absorbed.Id);
        var merged = result.Absorbed.Single();
        merged.Status.Should().Be(ContactStatus.Merged);

        var back = RoundTrip(merged);

        ShouldBeSameSnapshot(back, merged);
        back.MergedIntoId.Should().Be(survivor.Id);
        ShouldBeSameSnapshot(RoundTrip(result.Survivor), result.Survivor);
    }

    [Fact]
    public async Task The_document_starts_with_the_format_version_and_uses_camel_case_and_iso_instants()
    {
        var contact = await new ContactsHarness().CreateAsync();

        var json = Encoding.UTF8.GetString(ContactSerializer.SerializeToUtf8Bytes(contact));

        json.Should().StartWith("{\"formatVersion\":1,");
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("id").GetString().Should().Be(contact.Id.ToString());
        doc.RootElement.GetProperty("concurrencyStamp").GetString().Should().Be(contact.ConcurrencyStamp.ToString());
        doc.RootElement.GetProperty("createdAt").GetString().Should().Be("2025-03-01T12:00:00Z");
        doc.RootElement.GetProperty("status").GetString().Should().Be("Active");
    }

    [Fact]
    public void Serialize_null_throws()
        => FluentActions.Invoking(() => ContactSerializer.SerializeToUtf8Bytes(null!)).Should().Throw<ArgumentNullException>();

    // ---- bad input ------------------------------------------------------------------------------------------------

    private static async Task<JsonObject> DocumentAsync()
    {
        var h = new PrivacyHarness();
        var rich = await h.CreateRichAsync(TenantA);
        return JsonNode.Parse(ContactSerializer.SerializeToUtf8Bytes(rich))!.AsObject();
    }

    private static ContactFormatException Reading(JsonNode document)
        => Reading(Encoding.UTF8.GetBytes(document.ToJsonString()));

    private static ContactFormatException Reading(byte[] utf8)
    {
        var thrown = FluentActions.Invoking(() => ContactSerializer.Deserialize(utf8)).Should().Throw<ContactFormatException>().Which;
        thrown.Code.Should().Be(ContactFormatException.ErrorCode);
        return thrown;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Another_format_version_is_refused(int version)
    {
        var doc = await DocumentAsync();
        doc["formatVersion"] = version;

        Reading(doc).Message.Should().Contain("'formatVersion' must be 1").And.Contain($"was {version}");
    }

    [Fact]
    public async Task A_missing_or_non_numeric_format_version_is_refused()
    {
        var doc = await DocumentAsync();
        doc["formatVersion"] = "1";
        Reading(doc).Message.Should().Contain("'formatVersion' must be an integer");

        doc.Remove("formatVersion");
        Reading(doc).Message.Should().Contain("must have the field 'formatVersion'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"formatVersion\":1")]
    [InlineData("{\"formatVersion\":1,}")]
    [InlineData("not json")]
    public void Malformed_json_is_refused(string json)
        => Reading(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("id")]
    [InlineData("tenantId")]
    [InlineData("concurrencyStamp")]
    [InlineData("emails")]
    [InlineData("lifecycleHistory")]
    [InlineData("timeZone")]
    [InlineData("mergedIntoId")]
    public async Task A_missing_field_is_refused_naming_it(string field)
    {
        var doc = await DocumentAsync();
        doc.Remove(field);

        Reading(doc).Message.Should().Contain(field);
    }

    [Fact]
    public async Task An_unknown_field_is_refused()
    {
        var doc = await DocumentAsync();
        doc["nickname"] = "Zee";

        Reading(doc).Message.Should().Contain("nickname");
    }

    [Fact]
    public async Task A_null_list_is_refused()
    {
        var doc = await DocumentAsync();
        doc["tags"] = null;

        Reading(doc).Message.Should().Contain("tags");
    }

    [Fact]
    public async Task An_invalid_email_is_refused_without_quoting_it()
    {
        var doc = await DocumentAsync();
        doc["emails"]![0]!["original"] = "zelda-at-private-mail";

        var ex = Reading(doc);
        ex.Message.Should().Contain("emails[0].original").And.Contain("'@'").And.NotContain("zelda-at-private-mail");
    }

    [Fact]
    public async Task A_tampered_normalized_email_is_refused()
    {
        var doc = await DocumentAsync();
        doc["emails"]![0]!["normalizedAddress"] = "someone.else@example.com";

        Reading(doc).Message.Should().Contain("emails[0].address").And.Contain("normalizedAddress");
    }

    [Fact]
    public async Task Duplicate_emails_are_refused()
    {
        var doc = await DocumentAsync();
        doc["emails"]![1] = doc["emails"]![0]!.DeepClone();

        Reading(doc).Message.Should().Contain("'emails'").And.Contain("distinct");
    }

    [Theory]
    [InlineData("e164", "+4420")]
    [InlineData("e164", "442079460991")]
    [InlineData("regionCode", "FR")]
    [InlineData("original", " ")]
    public async Task An_invalid_phone_number_is_refused(string member, string value)
    {
        var doc = await DocumentAsync();
        doc["phoneNumbers"]![0]![member] = value;

        Reading(doc).Message.Should().Contain("phoneNumbers[0]");
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused()
    {
        var doc = await DocumentAsync();
        doc["timeZone"] = "Mars/Olympus_Mons";

        Reading(doc).Message.Should().Contain("'timeZone'").And.Contain("IANA");
    }

    [Fact]
    public async Task A_non_normalized_language_is_refused()
    {
        var doc = await DocumentAsync();
        doc["preferredLanguage"] = "PT_br";

        Reading(doc).Message.Should().Contain("preferredLanguage");
    }

    [Fact]
    public async Task An_undefined_enum_value_is_refused()
    {
        var doc = await DocumentAsync();
        doc["status"] = "Deleted";

        Reading(doc).Message.Should().Contain("status");
    }

    [Fact]
    public async Task A_lifecycle_log_that_is_not_a_valid_walk_is_refused()
    {
        var doc = await DocumentAsync();
        doc["lifecycleHistory"]!.AsArray().RemoveAt(1);

        Reading(doc).Message.Should().Contain("lifecycleHistory");
    }

    [Fact]
    public async Task A_churn_without_a_reason_is_refused()
    {
        var doc = await DocumentAsync();
        doc["lifecycleHistory"]!.AsArray()[^1]!["reason"] = null;

        Reading(doc).Message.Should().Contain("lifecycleHistory").And.Contain("ChurnReason");
    }

    [Fact]
    public async Task Updated_before_created_is_refused()
    {
        var doc = await DocumentAsync();
        doc["updatedAt"] = "2000-01-01T00:00:00Z";

        Reading(doc).Message.Should().Contain("updatedAt");
    }

    [Fact]
    public async Task An_attribute_whose_members_do_not_match_its_kind_is_refused()
    {
        var doc = await DocumentAsync();
        var attribute = doc["attributes"]!.AsArray().First(a => (string?)a!["kind"] == "Money")!;
        attribute["currency"] = null;

        Reading(doc).Message.Should().Contain("attributes[").And.Contain("kind");
    }

    [Fact]
    public async Task A_consent_address_that_is_not_normalized_is_refused()
    {
        var doc = await DocumentAsync();
        doc["consentHistory"]![0]!["address"] = "Zelda.Q@Private-Mail.example";

        Reading(doc).Message.Should().Contain("consentHistory[0].address");
    }

    [Theory]
    [InlineData("Active", true, false)]
    [InlineData("Merged", false, true)]
    [InlineData("Erased", true, true)]
    public async Task Status_fields_that_contradict_the_status_are_refused(string status, bool withMergedInto, bool withChangedAt)
    {
        var doc = await DocumentAsync();
        doc["status"] = status;
        doc["mergedIntoId"] = withMergedInto ? ContactId.New().ToString() : null;
        doc["statusChangedAt"] = withChangedAt ? "2025-06-01T00:00:00Z" : null;

        Reading(doc).Message.Should().Contain("'status' is " + status);
    }

    [Fact]
    public async Task A_malformed_instant_is_refused()
    {
        var doc = await DocumentAsync();
        doc["createdAt"] = "yesterday";

        Reading(doc);
    }
}
