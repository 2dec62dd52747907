using Crm.Events;
using Crm.Interactions.Events;
using Crm.Interactions.Feedback;
using Crm.Interactions.InMemory;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Outbox;
using Crm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Crm.Interactions.Tests.Events;

public sealed class EventDeliveryTests
{
    [Fact]
    public async Task ThrowingHandler_IsRetried_TheFactStays_AndTheAlertArrivesOnceItStopsThrowing()
    {
        var clock = CrmTestClock.Create();
        var flaky = new FlakyAlerting(failures: 2);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IClock>(clock);
        services.AddSingleton(flaky);
        services.AddCrm(o =>
        {
            o.EnableBackgroundDispatch = false;
            o.RetryBaseDelay = Duration.FromSeconds(1);
            o.RetryMaxDelay = Duration.FromMinutes(1);
        }).AddInteractions().AddEventListener<DetractorAlert, FlakyListener>();
        await using var host = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        host.GetRequiredService<IStartupValidator>().Validate();
        var tenant = new TenantId("delivery");
        FeedbackResponse response;
        await using (var scope = host.CreateAsyncScope())
        {
            response = await scope.ServiceProvider.GetRequiredService<FeedbackManager>().RecordAsync(tenant, new FeedbackDraft { ContactId = ContactId.New(), Survey = FeedbackSurvey.Nps, Score = 2 });
        }

        var dispatcher = host.GetRequiredService<OutboxDispatcher>();
        var results = new List<OutboxDispatchResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await dispatcher.DispatchPendingAsync());
            clock.Advance(Duration.FromHours(1));
        }

        results.Sum(static r => r.Retried).Should().Be(2);
        flaky.Delivered.Should().ContainSingle(a => a.FeedbackId == response.Id);
        (await host.GetRequiredService<IInteractionStore>().FindFeedbackAsync(tenant, response.Id, CancellationToken.None)).Should().BeSameAs(response);
        host.GetRequiredService<InMemoryInteractionStore>().Outbox.Snapshot().Should().OnlyContain(static e => e.Delivered);
    }

    [Fact]
    public void EveryEventType_RoundTripsThroughTheOutboxSerializer()
    {
        var services = new ServiceCollection();
        services.AddCrm().AddInteractions();
        using var provider = services.BuildServiceProvider();
        var serializer = provider.GetRequiredService<CrmEventSerializer>();
        var ids = new SequentialEventIdGenerator();
        var tenant = new TenantId("t");
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        var contact = ContactId.New();
        CrmEvent[] events =
        [
            new InteractionRecorded(tenant, at, InteractionId.New(), contact, InteractionKind.Call, InteractionChannel.Phone, InteractionDirection.Inbound, at),
            new PurchaseRecorded(tenant, at, PurchaseId.New(), contact, 12.5m, "EUR", at),
            new PurchaseRefunded(tenant, at, PurchaseId.New(), contact, 1, 2.5m, 10m, "EUR"),
            new ContractChanged(tenant, at, ContractId.New(), contact, ContractStatus.Cancelled, at, at),
            new CaseOpened(tenant, at, CaseId.New(), contact, "Case-1", CasePriority.High, InteractionChannel.Email, false),
            new CaseStatusChanged(tenant, at, CaseId.New(), contact, CaseStatus.Open, CaseStatus.Pending, at),
            new SlaBreached(tenant, at, CaseId.New(), contact, SlaTimerKind.Resolution, CasePriority.Normal, at, Duration.FromMinutes(90), at),
            new FeedbackRecorded(tenant, at, FeedbackId.New(), contact, FeedbackSurvey.Ces, 5, CaseId.New(), at),
            new DetractorAlert(tenant, at, FeedbackId.New(), contact, 3, 6),
        ];

        foreach (var domainEvent in events.Select(e => ids.Identify(e)))
        {
            serializer.Deserialize(serializer.Serialize(domainEvent)).Should().Be(domainEvent);
        }
    }

    /// <summary>The host's alerting: fails the first deliveries, then records.</summary>
    private sealed class FlakyAlerting(int failures)
    {
        private int _failuresLeft = failures;

        public List<DetractorAlert> Delivered { get; } = [];

        public void Deliver(DetractorAlert alert)
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new InvalidOperationException("The host's alerting is down.");
            }

            lock (Delivered)
            {
                Delivered.Add(alert);
            }
        }
    }

    private sealed class FlakyListener(FlakyAlerting alerting) : ICrmEventListener<DetractorAlert>
    {
        public ValueTask HandleAsync(DetractorAlert domainEvent, CancellationToken cancellationToken)
        {
            alerting.Deliver(domainEvent);
            return ValueTask.CompletedTask;
        }
    }
}
