using Crm.Contacts.Acquisition;
using Crm.Contacts.Consent;
using Crm.Contacts.Events;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Privacy;
using Crm.Contacts.Referrals;
using Crm.Contacts.Tests.TestSupport;
using Crm.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Contacts.Tests.Events;

/// <summary>Every event type of the package survives the outbox's JSON round trip, so a database store can keep it as a row.</summary>
public sealed class ContactsEventSerializationTests
{
    private static readonly TenantId Tenant = new("events-tenant");
    private static readonly Instant At = Instant.FromUtc(2026, 2, 3, 4, 5, 6).PlusNanoseconds(789_000_000);
    private static readonly ContactId A = ContactId.New();
    private static readonly ContactId B = ContactId.New();

    public static TheoryData<CrmEvent> EveryEventType() =>
    [
        new ContactCreated(Tenant, At, A, RecordOrigin.Import),
        new ContactUpdated(Tenant, At, A, ["emails", "name"]),
        new LifecycleStageChanged(Tenant, At, A, LifecycleStage.Customer, LifecycleStage.Churned, "price"),
        new ConsentChanged(Tenant, At, A, new ConsentPurpose("newsletter"), ConsentAddressKind.Email, ConsentAction.Withdrawn, ConsentStatus.Withdrawn),
        new ContactsMerged(Tenant, At, A, [B]),
        new PossibleDuplicateDetected(Tenant, At, A, [B], 1),
        new ReferralRecorded(Tenant, At, A, B),
        new ReferralRequestRecorded(Tenant, At, ReferralRequestId.New(), A, ReferralRequestOutcome.Accepted),
        new PersonalDataExported(Tenant, At, A),
        new PersonalDataErased(Tenant, At, A, wasAlreadyErased: false, isComplete: true),
    ];

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public void Every_event_type_round_trips_through_the_registered_serializer(CrmEvent domainEvent)
    {
        using var provider = TestHost.Build(s => s.AddCrm().AddContacts());
        var serializer = provider.GetRequiredService<CrmEventSerializer>();
        var identified = new Crm.Testing.SequentialEventIdGenerator().Identify(domainEvent) with { CorrelationId = "corr-9" };

        var row = serializer.Serialize(identified);
        var back = serializer.Deserialize(row);

        row.TypeName.Should().StartWith("crm.contacts.");
        back.Should().BeOfType(domainEvent.GetType());
        back.Should().BeEquivalentTo(identified, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Every_concrete_event_type_of_the_package_is_registered()
    {
        using var provider = TestHost.Build(s => s.AddCrm().AddContacts().AddContacts());
        var registered = provider.GetRequiredService<CrmEventSerializer>().Registrations.Select(r => r.EventType).ToHashSet();
        var declared = typeof(Contact).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CrmEvent).IsAssignableFrom(t));
        declared.Should().OnlyContain(t => registered.Contains(t));
        ((IEnumerable<object[]>)EveryEventType()).Select(row => row[0].GetType()).Should().BeEquivalentTo(declared, "the round-trip theory covers every event type");
    }
}
