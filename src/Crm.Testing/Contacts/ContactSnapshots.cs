using System.Text;
using Crm.Contacts;
using Crm.Contacts.Serialization;

namespace Crm.Testing.Contacts;

/// <summary>Compares two contact snapshots on every piece of state.</summary>
internal static class ContactSnapshots
{
    /// <summary>Asserts that <paramref name="actual"/> is <paramref name="expected"/> as stored: every property, and the whole lossless document.</summary>
    public static void ShouldBeSameSnapshot(Contact? actual, Contact expected)
    {
        actual.Should().NotBeNull();
        actual!.Id.Should().Be(expected.Id);
        actual.TenantId.Should().Be(expected.TenantId);
        actual.ConcurrencyStamp.Should().Be(expected.ConcurrencyStamp);
        actual.CreatedAt.Should().Be(expected.CreatedAt);
        actual.UpdatedAt.Should().Be(expected.UpdatedAt);
        actual.Status.Should().Be(expected.Status);
        actual.MergedIntoId.Should().Be(expected.MergedIntoId);
        actual.StatusChangedAt.Should().Be(expected.StatusChangedAt);
        actual.Origin.Should().Be(expected.Origin);
        actual.Acquisition.Should().BeEquivalentTo(expected.Acquisition);
        actual.Name.Should().BeEquivalentTo(expected.Name);
        actual.Emails.Should().Equal(expected.Emails);
        actual.PrimaryEmail.Should().Be(expected.PrimaryEmail);
        actual.PhoneNumbers.Should().Equal(expected.PhoneNumbers);
        actual.PrimaryPhoneNumber.Should().Be(expected.PrimaryPhoneNumber);
        actual.Birthday.Should().Be(expected.Birthday);
        actual.Birthplace.Should().Be(expected.Birthplace);
        actual.PreferredLanguage.Should().Be(expected.PreferredLanguage);
        actual.TimeZone.Should().Be(expected.TimeZone);
        actual.Tags.Should().BeEquivalentTo(expected.Tags);
        actual.Attributes.Should().Equal(expected.Attributes);
        actual.ConsentHistory.Should().BeEquivalentTo(expected.ConsentHistory, o => o.WithStrictOrdering());
        actual.Consents.Should().BeEquivalentTo(expected.Consents, o => o.WithStrictOrdering());
        actual.LifecycleHistory.Should().BeEquivalentTo(expected.LifecycleHistory, o => o.WithStrictOrdering());
        actual.Stage.Should().Be(expected.Stage);
        Document(actual).Should().Be(Document(expected), "the lossless document of a contact holds every piece of its state");
    }

    private static string Document(Contact contact) => Encoding.UTF8.GetString(ContactSerializer.SerializeToUtf8Bytes(contact));
}
