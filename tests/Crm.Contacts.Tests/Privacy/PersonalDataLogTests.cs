using Crm.Contacts.Tests.TestSupport;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Privacy;

public sealed class PersonalDataLogTests
{
    [Fact]
    public async Task ExportAndErasureLogs_CarryIdsButNoPersonalData()
    {
        var shop = new RecordingContributor { FailErase = new InvalidOperationException("shop failed for order o-1") };
        var h = new PrivacyHarness(shop);
        var c = await h.CreateRichAsync(TenantA);

        await h.Privacy.ExportAsync(TenantA, c.Id);
        await h.Privacy.EraseAsync(TenantA, c.Id);
        shop.FailErase = null;
        await h.Privacy.EraseAsync(TenantA, c.Id);

        var records = h.Logger.Collector.GetSnapshot();
        records.Select(r => r.Id.Id).Should().Contain([
            ContactsEventIds.PersonalDataExported, ContactsEventIds.ContactRecordErased, ContactsEventIds.PersonalDataContributorFailed,
            ContactsEventIds.PersonalDataErasureIncomplete, ContactsEventIds.ContactAlreadyErased, ContactsEventIds.PersonalDataErased,
        ]);
        records.Select(r => r.Id.Id).Should().OnlyContain(id => id >= 1400 && id <= 1499, "privacy logs use the privacy range");
        string[] personal = ["Zelda", "Quartermaine", "zelda", "private-mail", "corp.example", "7946", "+4420", "Ulaanbaatar", "far too dear",
            "Peanuts", "Wheelchair", "1990", "Europe/Paris", "kw:"];
        foreach (var record in records)
        {
            record.Message.Should().Contain(c.Id.ToString()).And.Contain("tenant-a");
            foreach (var value in personal)
            {
                record.Message.Should().NotContain(value);
                (record.StructuredState ?? []).Should().NotContain(kv => kv.Value != null && kv.Value.Contains(value, StringComparison.Ordinal));
            }
        }

        records.Single(r => r.Id.Id == ContactsEventIds.ContactRecordErased).Message.Should().Contain("Emails").And.Contain("Birthplace");
        records.Single(r => r.Id.Id == ContactsEventIds.PersonalDataContributorFailed).Message.Should().Contain("shop");
    }

    [Fact]
    public void PrivacyEventIds_AreInTheRange1400To1499()
        => new[]
        {
            ContactsEventIds.PersonalDataExported, ContactsEventIds.ContactRecordErased, ContactsEventIds.ContactAlreadyErased,
            ContactsEventIds.PersonalDataContributorFailed, ContactsEventIds.PersonalDataErased, ContactsEventIds.PersonalDataErasureIncomplete,
        }.Should().OnlyContain(id => id >= 1400 && id <= 1499).And.OnlyHaveUniqueItems();
}
