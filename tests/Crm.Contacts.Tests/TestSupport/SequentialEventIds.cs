using Crm.Events;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>Deterministic event ids: 00000000-0000-7000-8000-000000000001, …2, … in call order.</summary>
internal sealed class SequentialEventIds : ICrmEventIdGenerator
{
    private long _next;

    public CrmEventId NewId()
    {
        var n = Interlocked.Increment(ref _next);
        return new CrmEventId(Guid.Parse($"00000000-0000-7000-8000-{n:x12}"));
    }
}
