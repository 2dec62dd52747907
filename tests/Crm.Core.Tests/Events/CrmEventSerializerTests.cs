using Crm.Core.Tests.TestSupport;
using Crm.Events;
using NodaTime;

namespace Crm.Core.Tests.Events;

public sealed class CrmEventSerializerTests
{
    private static readonly TenantId Tenant = new("ser-tenant");
    private static readonly CrmEventSerializer Serializer = new([CrmEventRegistration.Create(TestEventsJsonContext.Configured.ThingHappened)]);

    private static ThingHappened Sample() => new Sequential().Identify(new ThingHappened(Tenant, Instant.FromUtc(2026, 5, 6, 7, 8), 42, "ünïcode \"quoted\"")) with
    {
        CorrelationId = "order-17",
        CausationId = new CrmEventId(Guid.Parse("00000000-0000-7000-8000-0000000000ff")),
    };

    [Fact]
    public void Serialize_ThenDeserialize_GivesAnEqualEvent_WithTypeNameAndVersion()
    {
        var original = Sample();
        var row = Serializer.Serialize(original);
        row.TypeName.Should().Be("crm.tests.thing_happened");
        row.Version.Should().Be(2);
        row.Payload.Should().Contain("\"eventId\"").And.Contain("\"occurredAt\":\"2026-05-06T07:08:00Z\"");
        Serializer.Deserialize(row).Should().Be(original);
    }

    [Fact]
    public void Serialize_AnEventWithoutId_Throws()
        => FluentActions.Invoking(() => Serializer.Serialize(new ThingHappened(Tenant, Instant.FromUtc(2026, 1, 1, 0, 0), 1, "x")))
            .Should().Throw<ArgumentException>().WithMessage("*no EventId*");

    [Fact]
    public void Serialize_AnUnregisteredType_Throws()
    {
        var empty = new CrmEventSerializer([]);
        FluentActions.Invoking(() => empty.Serialize(Sample())).Should().Throw<ArgumentException>().WithMessage("*not registered*");
    }

    [Theory]
    [InlineData("crm.tests.unknown", 2, "{}", "*not registered*")]
    [InlineData("crm.tests.thing_happened", 1, "{}", "*reads version 2*")]
    [InlineData("crm.tests.thing_happened", 2, "{not json", "*malformed*")]
    [InlineData("crm.tests.thing_happened", 2, "{\"tenantId\":\"t\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"number\":1,\"label\":\"x\"}", "*no event id*")]
    [InlineData("crm.tests.thing_happened", 2, "{\"eventId\":\"00000000-0000-7000-8000-000000000001\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"number\":1,\"label\":\"x\"}", "*malformed*")]
    public void Deserialize_ABadRow_ThrowsCrmEventFormatException(string type, int version, string payload, string message)
        => FluentActions.Invoking(() => Serializer.Deserialize(new SerializedCrmEvent(type, version, payload)))
            .Should().Throw<CrmEventFormatException>().WithMessage(message);

    [Fact]
    public void Registration_OfATypeWithoutTheAttribute_Throws()
        => FluentActions.Invoking(() => CrmEventRegistration.Create(TestEventsJsonContext.Configured.Unnamed))
            .Should().Throw<ArgumentException>().WithMessage("*no [CrmEventType*");

    [Theory]
    [InlineData("")]
    [InlineData("Crm.Upper")]
    [InlineData("crm contacts")]
    [InlineData("1crm")]
    public void CrmEventTypeAttribute_RejectsBadNames(string name)
        => FluentActions.Invoking(() => new CrmEventTypeAttribute(name, 1)).Should().Throw<ArgumentException>();

    [Fact]
    public void Identify_TakesTheAmbientCorrelationAndCausation_AndRefusesASecondId()
    {
        var ids = new Sequential();
        var cause = ids.Identify(new ThingHappened(Tenant, Instant.FromUtc(2026, 1, 1, 0, 0), 1, "cause")) with { CorrelationId = "corr-1" };
        ThingHappened effect;
        using (CrmEventContext.BeginHandling(cause))
        {
            effect = ids.Identify(new ThingHappened(Tenant, Instant.FromUtc(2026, 1, 1, 0, 0), 2, "effect"));
        }

        (effect.CorrelationId, effect.CausationId).Should().Be(("corr-1", cause.EventId));
        CrmEventContext.Current.Should().BeNull();
        FluentActions.Invoking(() => ids.Identify(effect)).Should().Throw<ArgumentException>().WithMessage("*already has the id*");
        FluentActions.Invoking(() => CrmEventContext.Begin("has space")).Should().Throw<ArgumentException>();
    }
}
