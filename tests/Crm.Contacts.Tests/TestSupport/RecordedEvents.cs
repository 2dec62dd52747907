using System.Collections;
using Crm.Contacts.InMemory;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.InMemory;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>The events a store's outbox received since the harness started or since <see cref="Clear"/>.</summary>
internal sealed class RecordedEvents(Func<IContactStore> store) : IEnumerable<CrmEvent>
{
    private int _skip;

    public static InMemoryOutbox OutboxOf(IContactStore store) => store switch
    {
        InMemoryContactStore memory => memory.Outbox,
        IForwardsOutbox forwarding => forwarding.Outbox,
        _ => throw new InvalidOperationException($"{store.GetType().Name} keeps no inspectable outbox."),
    };

    /// <summary>Forgets the events recorded so far.</summary>
    public void Clear() => _skip = OutboxOf(store()).Snapshot().Count;

    public IEnumerator<CrmEvent> GetEnumerator() => OutboxOf(store()).Snapshot().Skip(_skip).Select(e => e.Event).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
