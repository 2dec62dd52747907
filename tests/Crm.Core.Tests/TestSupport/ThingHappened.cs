using Crm.Events;
using NodaTime;

namespace Crm.Core.Tests.TestSupport;

/// <summary>A test event.</summary>
[CrmEventType("crm.tests.thing_happened", 2)]
public sealed record ThingHappened : CrmEvent
{
    public ThingHappened(TenantId tenantId, Instant occurredAt, int number, string label)
        : base(tenantId, occurredAt)
    {
        Number = number;
        Label = label;
    }

    public int Number { get; }

    public string Label { get; }
}

/// <summary>A test event derived from nothing but <see cref="CrmEvent"/>, without the type attribute.</summary>
public sealed record Unnamed(TenantId TenantId2, Instant At) : CrmEvent(TenantId2, At);
