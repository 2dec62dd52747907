using Crm.Events;
using Crm.InMemory;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Core.Tests.TestSupport;

/// <summary>A service provider with AddCrm(), one in-memory outbox, a fake clock and sequential ids; dispatch on demand only.</summary>
internal sealed class OutboxHost : IAsyncDisposable
{
    public static readonly TenantId Tenant = new("outbox-tenant");

    /// <param name="configure">More services.</param>
    /// <param name="options">Outbox options.</param>
    /// <param name="outbox">The outbox events are appended to (a new one by default).</param>
    /// <param name="views">The stores registered for the dispatcher, made from the outbox (by default the outbox itself).</param>
    public OutboxHost(Action<IServiceCollection>? configure = null, Action<OutboxOptions>? options = null, InMemoryOutbox? outbox = null, Func<InMemoryOutbox, IReadOnlyList<IOutboxStore>>? views = null)
    {
        Outbox = outbox ?? new InMemoryOutbox();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClock>(Clock);
        var crm = services.AddCrm(o =>
            {
                o.EnableBackgroundDispatch = false;
                options?.Invoke(o);
            })
            .AddEventType(TestEventsJsonContext.Configured.ThingHappened);
        foreach (var store in views?.Invoke(Outbox) ?? [Outbox])
        {
            crm.AddOutboxStore(_ => store);
        }

        configure?.Invoke(services);
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 1, 1, 0, 0));

    public InMemoryOutbox Outbox { get; }

    public Sequential Ids { get; } = new();

    public ServiceProvider Provider { get; }

    public OutboxDispatcher Dispatcher => Provider.GetRequiredService<OutboxDispatcher>();

    /// <summary>Appends identified events to the outbox as a store's atomic write would.</summary>
    public IReadOnlyList<ThingHappened> Append(int count)
    {
        var events = Enumerable.Range(1, count).Select(i => Ids.Identify(new ThingHappened(Tenant, Clock.GetCurrentInstant(), i, $"#{i}"))).ToList();
        Outbox.Check(Tenant, events);
        Outbox.Append(events);
        return events;
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
