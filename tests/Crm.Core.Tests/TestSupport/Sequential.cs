using Crm.Events;

namespace Crm.Core.Tests.TestSupport;

/// <summary>Deterministic event ids in call order.</summary>
internal sealed class Sequential : ICrmEventIdGenerator
{
    private long _next;

    public CrmEventId NewId() => new(Guid.Parse($"00000000-0000-7000-8000-{Interlocked.Increment(ref _next):x12}"));
}
