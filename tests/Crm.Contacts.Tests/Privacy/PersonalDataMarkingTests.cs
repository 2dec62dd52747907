using System.Reflection;
using Crm.Contacts.Privacy;
using Crm.Contacts.Tests.TestSupport;
using Crm.Privacy;
using Crm.Storage;

namespace Crm.Contacts.Tests.Privacy;

/// <summary>Every text or value-object member reachable from <see cref="Contact"/> is either personal data or deliberately not.</summary>
public sealed class PersonalDataMarkingTests
{
    /// <summary>Members that are not personal data, each with the reason. Add a new member here only with a reason.</summary>
    private static readonly Dictionary<string, string> NotPersonal = new()
    {
        ["Contact.TenantId"] = "the owner's id",
        ["Contact.Id"] = "a random id",
        ["Contact.ConcurrencyStamp"] = "a random version token",
        ["Contact.MergedIntoId"] = "a random id",
        ["Contact.Acquisition"] = "marketing attribution codes; its Detail is marked",
        ["TenantId.Value"] = "the owner's id",
        ["AcquisitionSource.Source"] = "host-defined marketing code",
        ["AcquisitionSource.Medium"] = "host-defined marketing code",
        ["AcquisitionSource.Campaign"] = "host-defined marketing code",
        ["PhoneNumber.RegionCode"] = "a country code",
        ["LanguageTag.Value"] = "a language code; Contact.PreferredLanguage as a whole is marked",
        ["ConsentRecord.Purpose"] = "host-defined purpose code",
        ["ConsentRecord.Address"] = "a container; its Value is marked",
        ["ConsentRecord.Source"] = "host-defined evidence reference, kept as proof of consent",
        ["ConsentPurpose.Code"] = "host-defined purpose code",
        ["ConsentState.Purpose"] = "host-defined purpose code",
        ["ConsentState.Address"] = "a container; its Value is marked",
        ["ConsentState.GrantSource"] = "host-defined evidence reference",
        ["ConsentState.ConfirmationSource"] = "host-defined evidence reference",
        ["ConsentState.WithdrawalSource"] = "host-defined evidence reference",
        ["LifecycleTransition.Reason"] = "a container; its Note is marked",
        ["ChurnReason.Code"] = "host-defined reason code",
    };

    private static IEnumerable<(Type Owner, PropertyInfo Property)> ReachableMembers()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(Contact)]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var element = PersonalDataInspector.ElementType(property.PropertyType);
                var isModel = (element.Assembly == typeof(Contact).Assembly || element.Assembly == typeof(TenantId).Assembly) && !element.IsEnum;
                if (element == typeof(string) || isModel)
                {
                    yield return (type, property);
                }

                if (isModel)
                {
                    queue.Enqueue(element);
                }
            }
        }
    }

    [Fact]
    public void EveryTextOrValueObjectMember_IsMarkedPersonal_OrListedAsNotPersonal()
    {
        var unclassified = ReachableMembers()
            .Where(m => !m.Property.IsDefined(typeof(PersonalDataAttribute), inherit: true))
            .Select(m => $"{m.Owner.Name}.{m.Property.Name}")
            .Where(name => !NotPersonal.ContainsKey(name))
            .ToList();

        unclassified.Should().BeEmpty("a new member holding text or a value object must be marked [PersonalData] (and erased) or listed in NotPersonal with a reason");
    }

    [Fact]
    public void TheNotPersonalList_NamesExistingUnmarkedMembers()
    {
        var reachable = ReachableMembers().ToDictionary(m => $"{m.Owner.Name}.{m.Property.Name}", m => m.Property);
        foreach (var name in NotPersonal.Keys)
        {
            reachable.Should().ContainKey(name);
            reachable[name].IsDefined(typeof(PersonalDataAttribute), inherit: true).Should().BeFalse($"{name} is listed as not personal");
        }
    }

    [Theory]
    [InlineData(typeof(Contact), nameof(Contact.Name))]
    [InlineData(typeof(Contact), nameof(Contact.Emails))]
    [InlineData(typeof(Contact), nameof(Contact.PhoneNumbers))]
    [InlineData(typeof(Contact), nameof(Contact.Birthday))]
    [InlineData(typeof(Contact), nameof(Contact.Birthplace))]
    [InlineData(typeof(Contact), nameof(Contact.Tags))]
    [InlineData(typeof(Contact), nameof(Contact.Attributes))]
    [InlineData(typeof(Contact), nameof(Contact.TimeZone))]
    [InlineData(typeof(Contact), nameof(Contact.PreferredLanguage))]
    [InlineData(typeof(Contact), nameof(Contact.Consents))]
    [InlineData(typeof(Crm.Contacts.Profile.EmailAddress), "Domain")]
    [InlineData(typeof(Crm.Contacts.Acquisition.AcquisitionSource), "Detail")]
    [InlineData(typeof(Crm.Contacts.Consent.ConsentAddress), "Value")]
    [InlineData(typeof(Crm.Contacts.Lifecycle.ChurnReason), "Note")]
    public void PersonalMembers_AreMarked(Type type, string property)
        => type.GetProperty(property)!.IsDefined(typeof(PersonalDataAttribute), inherit: true).Should().BeTrue();

    [Fact]
    public void Containers_AreRecognisedByTheirMarkedMembers()
    {
        PersonalDataInspector.IsContainer(typeof(Crm.Contacts.Consent.ConsentRecord)).Should().BeTrue();
        PersonalDataInspector.IsContainer(typeof(Crm.Contacts.Lifecycle.LifecycleTransition)).Should().BeTrue();
        PersonalDataInspector.IsContainer(typeof(Crm.Contacts.Profile.Birthday)).Should().BeFalse("a birthday is personal as a whole");
        PersonalDataInspector.IsContainer(typeof(ContactId)).Should().BeFalse();
    }
}
