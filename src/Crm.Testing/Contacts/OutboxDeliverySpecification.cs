using System.Collections.Concurrent;
using Crm.Contacts;
using Crm.Contacts.Events;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Testing.Contacts;

/// <summary>
/// Event delivery end to end over the store under test, as a host runs it: a container built with
/// <c>services.AddCrm().AddContacts()</c> and the store registered in it (scope validation on), events written by
/// <see cref="ContactManager"/> and delivered by <see cref="OutboxDispatcher.DispatchPendingAsync"/> to a scoped
/// listener exactly once, a throwing listener retried and then dead-lettered with its error while the stored fact stays.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the outbox capability.</typeparam>
/// <remarks>Override <see cref="RegisterStore"/> when the store is scoped in the host (for example one over a <c>DbContext</c>).</remarks>
public abstract class OutboxDeliverySpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IOutboxStore
{
    /// <summary>How many failed deliveries set an event aside in these tests.</summary>
    protected const int MaxAttempts = 3;

    /// <summary>Registers the store under test as the host's <see cref="IContactStore"/>; by default the instance <paramref name="store"/> as a singleton.</summary>
    /// <param name="services">The host's services, before <c>AddCrm()</c> is called.</param>
    /// <param name="store">The store <see cref="ContactSpecificationBase{TStore}.CreateStore"/> made for the test.</param>
    protected virtual void RegisterStore(IServiceCollection services, TStore store)
        => services.AddSingleton<IContactStore>(store);

    /// <summary>Every event a change set wrote is delivered once to a scoped listener in a scope of its own, and a second dispatch finds nothing.</summary>
    [Fact]
    public async Task Events_are_delivered_once_to_a_scoped_listener()
    {
        var store = CreateStore();
        var received = new Received();
        var host = BuildHost(store, received, s => s.AddEventListener<ContactCreated, RecordingListener>());
        await using var hostDisposal = host.ConfigureAwait(false);
        var created = new List<ContactId>();
        var scope = host.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
            for (var i = 0; i < 3; i++)
            {
                created.Add((await contacts.CreateAsync(TenantA, Draft($"delivered{i}@example.com")).ConfigureAwait(false)).Id);
            }
        }

        var dispatcher = host.GetRequiredService<OutboxDispatcher>();
        var first = await dispatcher.DispatchPendingAsync().ConfigureAwait(false);
        var second = await dispatcher.DispatchPendingAsync().ConfigureAwait(false);

        first.Delivered.Should().Be(3);
        first.Retried.Should().Be(0);
        second.Claimed.Should().Be(0, "a delivered event is not delivered again");
        received.Events.Select(e => e.ContactId).Should().BeEquivalentTo(created);
        received.Events.Select(e => e.EventId).Should().OnlyHaveUniqueItems();
        received.Scopes.Should().OnlyHaveUniqueItems("each delivery runs in a new DI scope");
    }

    /// <summary>A listener that always throws is retried with backoff, then set aside as a dead letter with the error recorded; the contact it describes stays stored as written.</summary>
    [Fact]
    public async Task A_throwing_listener_is_retried_then_dead_lettered_and_the_fact_stays()
    {
        var store = CreateStore();
        var received = new Received();
        var host = BuildHost(store, received, s => s.AddEventListener<ContactCreated, ThrowingListener>());
        await using var hostDisposal = host.ConfigureAwait(false);
        Contact contact;
        var scope = host.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            contact = await scope.ServiceProvider.GetRequiredService<ContactManager>().CreateAsync(TenantA, Draft("fails@example.com")).ConfigureAwait(false);
        }

        var dispatcher = host.GetRequiredService<OutboxDispatcher>();
        var results = new List<OutboxDispatchResult>();
        for (var i = 0; i < MaxAttempts; i++)
        {
            results.Add(await dispatcher.DispatchPendingAsync().ConfigureAwait(false));
            Clock.Advance(Duration.FromHours(1)); // past any retry delay
        }

        results.Sum(r => r.Retried).Should().Be(MaxAttempts - 1);
        results.Sum(r => r.DeadLettered).Should().Be(1);
        results.Sum(r => r.Delivered).Should().Be(0);
        received.Attempts.Should().Be(MaxAttempts);
        (await dispatcher.DispatchPendingAsync().ConfigureAwait(false)).Claimed.Should().Be(0, "a dead letter is not claimed again");

        var dead = (await store.GetDeadLettersAsync(TenantA, 10, CancellationToken.None).ConfigureAwait(false)).Should().ContainSingle().Subject;
        dead.Event.Should().BeOfType<ContactCreated>().Which.ContactId.Should().Be(contact.Id);
        dead.LastError.Should().Contain(ThrowingListener.Message);
        ContactSnapshots.ShouldBeSameSnapshot(await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false), contact);
    }

    /// <summary>The host the tests run: the fake clock and event ids of the specification, the store under test, contacts with the specification's options, and background dispatch off; started (options validated) before it is returned.</summary>
    /// <param name="store">The store under test.</param>
    /// <param name="received">What the listeners record.</param>
    /// <param name="listeners">Adds the listeners of the test.</param>
    private ServiceProvider BuildHost(TStore store, Received received, Action<CrmBuilder> listeners)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<ICrmEventIdGenerator>(EventIds);
        services.AddSingleton(received);
        RegisterStore(services, store);
        var options = CreateOptions(store);
        var builder = services
            .AddCrm(o =>
            {
                o.EnableBackgroundDispatch = false;
                o.MaxAttempts = MaxAttempts;
                o.RetryBaseDelay = Duration.FromSeconds(1);
                o.RetryMaxDelay = Duration.FromMinutes(1);
            })
            .AddContacts(o =>
            {
                o.DefaultPhoneRegion = options.DefaultPhoneRegion;
                o.EnableReferrals = options.EnableReferrals;
            });
        listeners(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    /// <summary>What the listeners of one test saw.</summary>
    private sealed class Received
    {
        private int _attempts;

        /// <summary>The events delivered to <see cref="RecordingListener"/>.</summary>
        public ConcurrentQueue<ContactCreated> Events { get; } = new();

        /// <summary>The scope of each delivery (the listener instance's own id).</summary>
        public ConcurrentQueue<Guid> Scopes { get; } = new();

        /// <summary>How many deliveries <see cref="ThrowingListener"/> refused.</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        internal void Attempt() => Interlocked.Increment(ref _attempts);
    }

    /// <summary>A scoped listener (as one over a <c>DbContext</c> would be) that records every <see cref="ContactCreated"/>.</summary>
    /// <param name="received">Where it records.</param>
    private sealed class RecordingListener(Received received) : ICrmEventListener<ContactCreated>
    {
        private readonly Guid _instance = Guid.NewGuid();

        /// <summary>Records the event and the scope it came in.</summary>
        public ValueTask HandleAsync(ContactCreated domainEvent, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(received);
            received.Events.Enqueue(domainEvent);
            received.Scopes.Enqueue(_instance);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A listener that fails every delivery.</summary>
    /// <param name="received">Where it counts its attempts.</param>
    private sealed class ThrowingListener(Received received) : ICrmEventListener<ContactCreated>
    {
        /// <summary>The message of the exception it throws.</summary>
        public const string Message = "The specification's listener always fails.";

        /// <summary>Counts the attempt and throws <see cref="InvalidOperationException"/>.</summary>
        public ValueTask HandleAsync(ContactCreated domainEvent, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(received);
            received.Attempt();
            throw new InvalidOperationException(Message);
        }
    }
}
