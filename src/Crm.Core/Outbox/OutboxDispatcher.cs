using System.Collections.Concurrent;
using Crm.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Outbox;

/// <summary>Delivers the events waiting in every registered outbox to the <see cref="ICrmEventListener{TEvent}"/> services, at least once.</summary>
/// <remarks>
/// <para>Each event is delivered in a new DI scope (so scoped listeners, such as anything over a <c>DbContext</c>, work under
/// scope validation) to every listener of its type and of its base types, in registration order, inside a
/// <see cref="CrmEventContext"/> naming it as the cause of whatever the listeners write. When every listener returns, the
/// event is marked delivered; when one throws, the event is retried after a backoff and, after
/// <see cref="OutboxOptions.MaxAttempts"/> failures, set aside as a dead letter with the error recorded. The stored fact is
/// never touched.</para>
/// <para>Guarantee: at least once. A crash after a listener ran and before the event was marked delivered delivers it again,
/// and a retry delivers to every listener again, so listeners must be idempotent on <see cref="CrmEvent.EventId"/> or on a
/// domain key. Events are claimed oldest first, but retries and parallel dispatchers mean there is no ordering guarantee,
/// not even per tenant. Two dispatchers never hold the same event within one lease.</para>
/// <para>Runs as the hosted <c>OutboxDispatcherService</c> (registered by <c>AddCrm()</c>) or on demand through
/// <see cref="DispatchPendingAsync"/> (tests, serverless hosts). Thread-safe; register it as a singleton.</para>
/// </remarks>
public sealed class OutboxDispatcher
{
    private const int MaxErrorLength = 2000;

    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, CrmEvent, CancellationToken, ValueTask>> Invokers = new();

    private readonly IServiceScopeFactory _scopes;
    private readonly List<OutboxStoreRegistration> _stores;
    private readonly IClock _clock;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    /// <summary>Creates the dispatcher.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IEnumerable<OutboxStoreRegistration> stores,
        IClock clock,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _scopes = scopes;
        _stores = stores.ToList();
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Claims and delivers pending events until every outbox has none due, and says what happened.</summary>
    /// <remarks>Events that fail are rescheduled, not retried within this call, so the call always ends.</remarks>
    public async Task<OutboxDispatchResult> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        int delivered = 0, retried = 0, dead = 0, lost = 0;
        var claimedAny = true;
        while (claimedAny)
        {
            claimedAny = false;
            var storeScope = _scopes.CreateAsyncScope();
            await using var storeScopeDisposal = storeScope.ConfigureAwait(false);
            foreach (var store in ResolveStores(storeScope.ServiceProvider))
            {
                var now = _clock.GetCurrentInstant();
                var batch = await store.ClaimAsync(_options.BatchSize, now, now + _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
                claimedAny |= batch.Count > 0;
                foreach (var message in batch)
                {
                    switch (await DeliverAsync(store, message, cancellationToken).ConfigureAwait(false))
                    {
                        case Outcome.Delivered: delivered++; break;
                        case Outcome.Retried: retried++; break;
                        case Outcome.DeadLettered: dead++; break;
                        default: lost++; break;
                    }
                }
            }
        }

        return new OutboxDispatchResult(delivered, retried, dead, lost);
    }

    private List<IOutboxStore> ResolveStores(IServiceProvider services)
    {
        var result = new List<IOutboxStore>(_stores.Count);
        foreach (var registration in _stores)
        {
            if (registration.Resolve(services) is { } store && !result.Exists(s => SameOutbox(s, store)))
            {
                result.Add(store);
            }
        }

        return result;
    }

    // The same instance, or two views of one physical outbox (ISharedOutboxStore with equal identities).
    private static bool SameOutbox(IOutboxStore a, IOutboxStore b)
        => ReferenceEquals(a, b) || (a is ISharedOutboxStore x && b is ISharedOutboxStore y && Equals(x.OutboxIdentity, y.OutboxIdentity));

    private async Task<Outcome> DeliverAsync(IOutboxStore store, OutboxMessage message, CancellationToken cancellationToken)
    {
        var lease = message.Lease ?? throw new InvalidOperationException("The outbox store returned a claimed message without a lease.");
        var domainEvent = message.Event;
        var typeName = domainEvent.GetType().Name;
        try
        {
            using (CrmEventContext.BeginHandling(domainEvent))
            {
                var scope = _scopes.CreateAsyncScope();
                await using var scopeDisposal = scope.ConfigureAwait(false);
                var invoke = Invokers.GetOrAdd(domainEvent.GetType(), BuildInvoker);
                await invoke(scope.ServiceProvider, domainEvent, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var attempts = message.Attempts + 1;
            var error = $"{ex.GetType().FullName}: {ex.Message}";
            error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
            Instant? retryAt = attempts >= _options.MaxAttempts ? null : _clock.GetCurrentInstant() + _options.RetryDelay(attempts);
            if (!await store.FailAsync(lease, error, retryAt, CancellationToken.None).ConfigureAwait(false))
            {
                Log.OutboxLeaseLost(_logger, typeName, domainEvent.EventId.Value);
                return Outcome.LeaseLost;
            }

            if (retryAt is null)
            {
                Log.OutboxEventDeadLettered(_logger, typeName, domainEvent.EventId.Value, attempts, ex.GetType().Name);
                return Outcome.DeadLettered;
            }

            Log.OutboxDeliveryFailed(_logger, typeName, domainEvent.EventId.Value, attempts, ex.GetType().Name);
            return Outcome.Retried;
        }

        if (!await store.CompleteAsync(lease, _clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false))
        {
            Log.OutboxLeaseLost(_logger, typeName, domainEvent.EventId.Value);
            return Outcome.LeaseLost;
        }

        Log.OutboxEventDelivered(_logger, typeName, domainEvent.EventId.Value);
        return Outcome.Delivered;
    }

    /// <summary>Builds the delivery for one runtime event type: the listeners of the type and of each base type up to <see cref="CrmEvent"/>.</summary>
    private static Func<IServiceProvider, CrmEvent, CancellationToken, ValueTask> BuildInvoker(Type eventType)
    {
        var steps = new List<Func<IServiceProvider, CrmEvent, CancellationToken, ValueTask>>();
        for (var type = eventType; type is not null && typeof(CrmEvent).IsAssignableFrom(type); type = type.BaseType)
        {
            var method = typeof(OutboxDispatcher).GetMethod(nameof(InvokeListenersAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            steps.Add(method.CreateDelegate<Func<IServiceProvider, CrmEvent, CancellationToken, ValueTask>>());
        }

        return async (services, domainEvent, cancellationToken) =>
        {
            foreach (var step in steps)
            {
                await step(services, domainEvent, cancellationToken).ConfigureAwait(false);
            }
        };
    }

    private static async ValueTask InvokeListenersAsync<TEvent>(IServiceProvider services, CrmEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : CrmEvent
    {
        foreach (var listener in services.GetServices<ICrmEventListener<TEvent>>())
        {
            await listener.HandleAsync((TEvent)domainEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    private enum Outcome
    {
        Delivered,
        Retried,
        DeadLettered,
        LeaseLost,
    }
}
