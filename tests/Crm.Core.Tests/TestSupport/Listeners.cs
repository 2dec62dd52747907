using System.Collections.Concurrent;
using Crm.Events;

namespace Crm.Core.Tests.TestSupport;

/// <summary>Shared record of what listeners saw (a singleton in the test container).</summary>
internal sealed class Deliveries
{
    public ConcurrentQueue<(CrmEventId Id, string Listener, CrmEventId? Cause, string? Correlation)> Seen { get; } = new();

    public int FailuresLeft { get; set; }

    public int Count(CrmEventId id) => Seen.Count(s => s.Id == id);
}

/// <summary>A scoped dependency, like a DbContext.</summary>
internal sealed class ScopedUnitOfWork : IDisposable
{
    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

/// <summary>A scoped listener over a scoped dependency.</summary>
internal sealed class RecordingListener(Deliveries deliveries, ScopedUnitOfWork unitOfWork) : ICrmEventListener<ThingHappened>
{
    public async ValueTask HandleAsync(ThingHappened domainEvent, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(unitOfWork.Disposed, unitOfWork);
        await Task.Yield();
        deliveries.Seen.Enqueue((domainEvent.EventId, nameof(RecordingListener), CrmEventContext.Current?.CausationId, CrmEventContext.Current?.CorrelationId));
    }
}

/// <summary>Fails while <see cref="Deliveries.FailuresLeft"/> is positive.</summary>
internal sealed class FlakyListener(Deliveries deliveries) : ICrmEventListener<ThingHappened>
{
    public ValueTask HandleAsync(ThingHappened domainEvent, CancellationToken cancellationToken)
    {
        if (deliveries.FailuresLeft > 0)
        {
            deliveries.FailuresLeft--;
            throw new InvalidOperationException("downstream unavailable");
        }

        deliveries.Seen.Enqueue((domainEvent.EventId, nameof(FlakyListener), null, null));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Receives every event, like a forwarder to a message bus.</summary>
internal sealed class EverythingListener(Deliveries deliveries) : ICrmEventListener<CrmEvent>
{
    public ValueTask HandleAsync(CrmEvent domainEvent, CancellationToken cancellationToken)
    {
        deliveries.Seen.Enqueue((domainEvent.EventId, nameof(EverythingListener), null, null));
        return ValueTask.CompletedTask;
    }
}
