using Crm.Events;
using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Loyalty.Tests.Events;

/// <summary>Every event type of the package survives the outbox's JSON round trip.</summary>
public sealed class LoyaltyEventSerializationTests
{
    private static readonly TenantId Tenant = new("events-tenant");
    private static readonly Instant At = Instant.FromUtc(2026, 2, 3, 4, 5, 6).PlusNanoseconds(789_000_000);
    private static readonly ContactId Member = ContactId.New();
    private static readonly LedgerEntryId Entry = LedgerEntryId.New();
    private static readonly LedgerEntryId Other = LedgerEntryId.New();

    public static TheoryData<CrmEvent> EveryEventType() =>
    [
        new PointsEarned(Tenant, At, Member, Entry, 42) { AvailableAt = At.Plus(Duration.FromDays(14)), ExpiresAt = At.Plus(Duration.FromDays(365)) },
        new PointsRedeemed(Tenant, At, Member, Entry, 10),
        new PointsExpired(Tenant, At, Member, Entry, 7, Other),
        new PointsReversed(Tenant, At, Member, Entry, -5, Other) { WrittenOff = 3 },
        new PointsAdjusted(Tenant, At, Member, Entry, -2),
        new RewardPaid(Tenant, At, Member, Entry, 500, "free-coffee"),
        new TierChanged(Tenant, At, Member, "silver", "gold", Crm.Loyalty.Tiers.TierChangeReason.Upgrade, 1_250.50m),
        new BadgeAwarded(Tenant, At, Member, "five-in-90", "badge:five-in-90", 100) { EntryId = Entry },
        new ReferralRewardPaid(Tenant, At, Member, Entry, 100, ContactId.New(), 1),
        new ReferralRewardVoided(Tenant, At, Member, ContactId.New()),
        new ReferralRejected(Tenant, At, Member, ContactId.New(), "shared-email"),
        new LedgerMerged(Tenant, At, Member, ContactId.New()),
    ];

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public void Every_event_type_round_trips_through_the_registered_serializer(CrmEvent domainEvent)
    {
        using var provider = TestHost.Build(s => s.AddCrm().AddLoyalty());
        var serializer = provider.GetRequiredService<CrmEventSerializer>();
        var identified = new Crm.Testing.SequentialEventIdGenerator().Identify(domainEvent) with { CorrelationId = "corr-9" };

        var row = serializer.Serialize(identified);
        var back = serializer.Deserialize(row);

        row.TypeName.Should().StartWith("crm.loyalty.");
        back.Should().BeOfType(domainEvent.GetType());
        back.Should().BeEquivalentTo(identified, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Every_concrete_event_type_of_the_package_is_registered()
    {
        using var provider = TestHost.Build(s => s.AddCrm().AddLoyalty().AddLoyalty());
        var registered = provider.GetRequiredService<CrmEventSerializer>().Registrations.Select(r => r.EventType).ToHashSet();
        var declared = typeof(LoyaltyManager).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CrmEvent).IsAssignableFrom(t));
        declared.Should().OnlyContain(t => registered.Contains(t));
        ((IEnumerable<object[]>)EveryEventType()).Select(row => row[0].GetType()).Should().BeEquivalentTo(declared, "the round-trip theory covers every event type");
    }
}
