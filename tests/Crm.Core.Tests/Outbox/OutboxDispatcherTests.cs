using Crm.Core.Tests.TestSupport;
using Crm.Events;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static void Recording(IServiceCollection services)
    {
        services.AddSingleton<Deliveries>();
        services.AddScoped<ScopedUnitOfWork>();
        services.AddCrm().AddEventListener<ThingHappened, RecordingListener>();
    }

    [Fact]
    public async Task A_scoped_listener_under_scope_validation_receives_each_event_once_in_its_own_scope()
    {
        await using var host = new OutboxHost(Recording);
        var events = host.Append(3);

        var result = await host.Dispatcher.DispatchPendingAsync();

        result.Should().Be(new OutboxDispatchResult(3, 0, 0, 0));
        var deliveries = host.Provider.GetRequiredService<Deliveries>();
        deliveries.Seen.Select(s => s.Id).Should().Equal(events.Select(e => e.EventId));
        deliveries.Seen.Should().OnlyContain(s => s.Cause != null && s.Cause == s.Id, "the listener runs in a context naming the event as the cause");
        host.Outbox.Snapshot().Should().OnlyContain(e => e.Delivered);
        (await host.Dispatcher.DispatchPendingAsync()).Claimed.Should().Be(0, "delivered events are never claimed again");
    }

    [Fact]
    public async Task A_throwing_listener_is_retried_with_backoff_then_dead_lettered_and_the_event_is_kept()
    {
        await using var host = new OutboxHost(
            s => s.AddSingleton(new Deliveries { FailuresLeft = 100 }).AddCrm().AddEventListener<ThingHappened, FlakyListener>(),
            o => { o.MaxAttempts = 3; o.RetryBaseDelay = Duration.FromSeconds(10); });
        var thing = host.Append(1)[0];

        (await host.Dispatcher.DispatchPendingAsync()).Retried.Should().Be(1);
        (await host.Dispatcher.DispatchPendingAsync()).Claimed.Should().Be(0, "the retry is not due yet");
        host.Clock.Advance(Duration.FromSeconds(10));
        (await host.Dispatcher.DispatchPendingAsync()).Retried.Should().Be(1);
        host.Clock.Advance(Duration.FromSeconds(19));
        (await host.Dispatcher.DispatchPendingAsync()).Claimed.Should().Be(0, "the second wait doubles to 20 seconds");
        host.Clock.Advance(Duration.FromSeconds(1));
        (await host.Dispatcher.DispatchPendingAsync()).DeadLettered.Should().Be(1);

        var dead = await host.Outbox.GetDeadLettersAsync(OutboxHost.Tenant, 10, CancellationToken.None);
        dead.Should().ContainSingle().Which.Should().Match<OutboxMessage>(m => m.Event == thing && m.Attempts == 3 && m.LastError!.Contains("downstream unavailable"));
        host.Clock.Advance(Duration.FromDays(1));
        (await host.Dispatcher.DispatchPendingAsync()).Claimed.Should().Be(0, "a dead letter is not retried by itself");

        host.Provider.GetRequiredService<Deliveries>().FailuresLeft = 0;
        (await host.Outbox.RequeueDeadLetterAsync(OutboxHost.Tenant, thing.EventId, CancellationToken.None)).Should().BeTrue();
        (await host.Dispatcher.DispatchPendingAsync()).Delivered.Should().Be(1);
        host.Provider.GetRequiredService<Deliveries>().Count(thing.EventId).Should().Be(1);
    }

    [Fact]
    public async Task Two_dispatchers_in_parallel_never_deliver_the_same_claimed_event_twice()
    {
        await using var host = new OutboxHost(Recording, o => o.BatchSize = 7);
        var events = host.Append(300);
        var other = new OutboxDispatcher(
            host.Provider.GetRequiredService<IServiceScopeFactory>(),
            host.Provider.GetServices<OutboxStoreRegistration>(),
            host.Clock,
            host.Provider.GetRequiredService<IOptions<OutboxOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDispatcher>.Instance);

        var results = await Task.WhenAll(Task.Run(() => host.Dispatcher.DispatchPendingAsync()), Task.Run(() => other.DispatchPendingAsync()));

        results.Sum(r => r.Delivered).Should().Be(300);
        var deliveries = host.Provider.GetRequiredService<Deliveries>();
        events.Should().OnlyContain(e => deliveries.Count(e.EventId) == 1);
    }

    [Fact]
    public async Task An_expired_lease_makes_the_event_claimable_again_and_the_old_lease_can_no_longer_complete_it()
    {
        await using var host = new OutboxHost(Recording, o => o.LeaseDuration = Duration.FromMinutes(1));
        var thing = host.Append(1)[0];
        var now = host.Clock.GetCurrentInstant();
        var crashed = (await host.Outbox.ClaimAsync(10, now, now + Duration.FromMinutes(1), CancellationToken.None)).Single();

        (await host.Dispatcher.DispatchPendingAsync()).Claimed.Should().Be(0, "the lease still holds");
        host.Clock.Advance(Duration.FromMinutes(2));
        (await host.Dispatcher.DispatchPendingAsync()).Delivered.Should().Be(1);

        (await host.Outbox.CompleteAsync(crashed.Lease!, host.Clock.GetCurrentInstant(), CancellationToken.None)).Should().BeFalse();
        host.Provider.GetRequiredService<Deliveries>().Count(thing.EventId).Should().Be(1);
    }

    [Fact]
    public async Task A_listener_of_the_base_type_receives_every_event_after_the_specific_ones()
    {
        await using var host = new OutboxHost(s =>
        {
            Recording(s);
            s.AddCrm().AddEventListener<CrmEvent, EverythingListener>();
        });
        var thing = host.Append(1)[0];

        await host.Dispatcher.DispatchPendingAsync();

        host.Provider.GetRequiredService<Deliveries>().Seen.Select(s => (s.Id, s.Listener))
            .Should().Equal((thing.EventId, nameof(RecordingListener)), (thing.EventId, nameof(EverythingListener)));
    }

    [Fact]
    public async Task Invalid_options_are_refused_naming_the_rule()
    {
        await using var host = new OutboxHost(options: o => { o.BatchSize = 0; o.MaxAttempts = 0; });
        FluentActions.Invoking(() => host.Provider.GetRequiredService<IOptions<OutboxOptions>>().Value)
            .Should().Throw<OptionsValidationException>().WithMessage("*BatchSize must be between 1 and 1000*");
    }

    [Fact]
    public async Task The_hosted_service_delivers_in_the_background()
    {
        var services = new ServiceCollection();
        var outbox = new Crm.InMemory.InMemoryOutbox();
        services.AddLogging().AddSingleton<Deliveries>().AddScoped<ScopedUnitOfWork>();
        services.AddCrm(o => o.PollingInterval = TimeSpan.FromMilliseconds(20))
            .AddOutboxStore(_ => outbox)
            .AddEventListener<ThingHappened, RecordingListener>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var hosted = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Should().ContainSingle().Subject;
        await hosted.StartAsync(CancellationToken.None);
        try
        {
            var thing = new Sequential().Identify(new ThingHappened(OutboxHost.Tenant, provider.GetRequiredService<IClock>().GetCurrentInstant(), 1, "bg"));
            outbox.Check(OutboxHost.Tenant, [thing]);
            outbox.Append([thing]);
            var deliveries = provider.GetRequiredService<Deliveries>();
            for (var i = 0; i < 500 && deliveries.Count(thing.EventId) == 0; i++)
            {
                await Task.Delay(10);
            }

            deliveries.Count(thing.EventId).Should().Be(1);
        }
        finally
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Views_of_one_shared_outbox_are_claimed_through_the_first_only()
    {
        OutboxView first = null!, second = null!;
        await using var host = new OutboxHost(Recording, views: outbox => [first = new OutboxView(outbox, outbox), second = new OutboxView(outbox, outbox)]);
        host.Append(3);

        (await host.Dispatcher.DispatchPendingAsync()).Delivered.Should().Be(3);

        first.Claims.Should().BeGreaterThan(0);
        second.Claims.Should().Be(0, "the second view reports the same outbox identity");
        host.Provider.GetRequiredService<Deliveries>().Seen.Should().HaveCount(3);
    }

    [Fact]
    public async Task Shared_outbox_stores_with_different_identities_are_each_claimed()
    {
        OutboxView first = null!, second = null!;
        await using var host = new OutboxHost(Recording, views: outbox => [first = new OutboxView(outbox, "one"), second = new OutboxView(outbox, "two")]);
        host.Append(2);

        (await host.Dispatcher.DispatchPendingAsync()).Delivered.Should().Be(2);

        first.Claims.Should().BeGreaterThan(0);
        second.Claims.Should().BeGreaterThan(0, "another identity is another outbox, so it is asked too");
    }

    /// <summary>A view of an in-memory outbox that reports <paramref name="identity"/> and counts its claims.</summary>
    private sealed class OutboxView(Crm.InMemory.InMemoryOutbox outbox, object identity) : ISharedOutboxStore
    {
        public int Claims { get; private set; }

        public object OutboxIdentity => identity;

        public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken)
        {
            Claims++;
            return outbox.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);
        }

        public ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken) => outbox.CompleteAsync(lease, deliveredAt, cancellationToken);

        public ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken) => outbox.FailAsync(lease, error, retryAt, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken) => outbox.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

        public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken) => outbox.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);
    }
}
