using Crm.Events;
using Crm.Outbox;
using NodaTime;

namespace Crm.InMemory;

/// <summary>A thread-safe, in-process <see cref="IOutboxStore"/> that in-memory stores embed for their events.</summary>
/// <remarks>
/// A store calls <see cref="Check"/> and then <see cref="Append"/> inside its own atomic write (under the same lock as
/// the facts), so the events exist exactly when the facts do. The outbox takes its own lock after the store's, never the
/// other way round. Delivered events are kept (marked) so a redelivery can be recognised in tests; non-durable, like the
/// store it belongs to.
/// </remarks>
public sealed class InMemoryOutbox : IOutboxStore
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<Entry> _pending = [];
    private readonly Dictionary<CrmEventId, Entry> _byId = [];

    /// <summary>Checks that <paramref name="events"/> can be appended: each identified, of the tenant, and new. Throws before anything is written.</summary>
    /// <exception cref="ArgumentException">An event is null, has no id or belongs to another tenant.</exception>
    /// <exception cref="ConcurrencyConflictException">An event id is already in the outbox or appears twice.</exception>
    public void Check(TenantId tenantId, IReadOnlyList<CrmEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var seen = new HashSet<CrmEventId>();
        lock (_gate)
        {
            foreach (var domainEvent in events)
            {
                if (domainEvent is null)
                {
                    throw new ArgumentException("A change set holds a null event.", nameof(events));
                }

                if (domainEvent.EventId.IsEmpty)
                {
                    throw new ArgumentException($"A {domainEvent.GetType().Name} event has no EventId; identify it with ICrmEventIdGenerator.Identify.", nameof(events));
                }

                if (domainEvent.TenantId != tenantId)
                {
                    throw new ArgumentException($"A change set for tenant '{tenantId}' holds an event of another tenant.", nameof(events));
                }

                if (_byId.ContainsKey(domainEvent.EventId) || !seen.Add(domainEvent.EventId))
                {
                    throw new ConcurrencyConflictException("event", domainEvent.EventId.ToString());
                }
            }
        }
    }

    /// <summary>Appends events that passed <see cref="Check"/>; call under the same store lock.</summary>
    public void Append(IReadOnlyList<CrmEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            foreach (var domainEvent in events)
            {
                var entry = new Entry(domainEvent);
                _entries.Add(entry);
                _pending.Add(entry);
                _byId.Add(domainEvent.EventId, entry);
            }
        }
    }

    /// <summary>Every event ever appended with its state, in append order (for tests and diagnostics).</summary>
    public IReadOnlyList<(CrmEvent Event, bool Delivered, bool DeadLettered, int Attempts)> Snapshot()
    {
        lock (_gate)
        {
            return _entries.Select(e => (e.Event, e.DeliveredAt is not null, e.DeadLettered, e.Attempts)).ToList();
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        if (leaseUntil <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(leaseUntil), leaseUntil, "The lease must end after now.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var claimed = new List<OutboxMessage>();
        lock (_gate)
        {
            foreach (var entry in _pending)
            {
                if (claimed.Count == maxCount)
                {
                    break;
                }

                if (entry.DueAt > now || (entry.Lease is { } held && held.ExpiresAt > now))
                {
                    continue;
                }

                entry.Lease = new OutboxLease(entry.Event.EventId, Guid.NewGuid(), leaseUntil);
                claimed.Add(new OutboxMessage(entry.Event, entry.Attempts, entry.LastError, entry.Lease));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<OutboxMessage>>(claimed);
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!Holds(lease, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            entry.DeliveredAt = deliveredAt;
            entry.Lease = null;
            _pending.Remove(entry);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!Holds(lease, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            entry.Attempts++;
            entry.LastError = error;
            entry.Lease = null;
            if (retryAt is { } due)
            {
                entry.DueAt = due;
            }
            else
            {
                entry.DeadLettered = true;
                _pending.Remove(entry);
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> dead = _entries
                .Where(e => e.DeadLettered && e.Event.TenantId == tenantId)
                .Take(maxCount)
                .Select(e => new OutboxMessage(e.Event, e.Attempts, e.LastError, null))
                .ToList();
            return ValueTask.FromResult(dead);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_byId.TryGetValue(eventId, out var entry) || !entry.DeadLettered || entry.Event.TenantId != tenantId)
            {
                return ValueTask.FromResult(false);
            }

            entry.DeadLettered = false;
            entry.Attempts = 0;
            entry.DueAt = Instant.MinValue;
            _pending.Add(entry);
            return ValueTask.FromResult(true);
        }
    }

    private bool Holds(OutboxLease lease, out Entry entry)
        => _byId.TryGetValue(lease.EventId, out entry!) && entry.Lease is { } held && held.Token == lease.Token
            && entry.DeliveredAt is null && !entry.DeadLettered;

    private sealed class Entry(CrmEvent domainEvent)
    {
        public CrmEvent Event { get; } = domainEvent;

        public Instant DueAt { get; set; } = Instant.MinValue;

        public OutboxLease? Lease { get; set; }

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public Instant? DeliveredAt { get; set; }

        public bool DeadLettered { get; set; }
    }
}
