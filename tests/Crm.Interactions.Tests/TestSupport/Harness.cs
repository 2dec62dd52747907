using Crm.Interactions.Feedback;
using Crm.Interactions.InMemory;
using Crm.Interactions.Metrics;
using Crm.Interactions.Privacy;
using Crm.Interactions.Purchases;
using Crm.Interactions.Support;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Interactions.Tests.TestSupport;

/// <summary>The managers of the package over one in-memory store, a fake clock and deterministic event ids, as DI would build them.</summary>
internal sealed class Harness
{
    public static readonly TenantId Tenant = new("tenant-a");
    public static readonly TenantId OtherTenant = new("tenant-b");

    public Harness(Action<InteractionOptions>? configure = null, FakeClock? clock = null)
    {
        var options = new InteractionOptions();
        configure?.Invoke(options);
        Options = options;
        Clock = clock ?? CrmTestClock.Create();
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Interactions = new InteractionManager(Store, Clock, EventIds, NullLogger<InteractionManager>.Instance);
        Purchases = new PurchaseManager(Store, Clock, EventIds, NullLogger<PurchaseManager>.Instance);
        Cases = new SupportCaseManager(Store, new TrackingCodeGenerator(wrapped), new OptionsSlaPolicyProvider(wrapped), Clock, EventIds, NullLogger<SupportCaseManager>.Instance, wrapped);
        Feedback = new FeedbackManager(Store, Clock, EventIds, NullLogger<FeedbackManager>.Instance, wrapped);
        Metrics = new InteractionMetricsSource(Store);
        Privacy = new InteractionsPersonalDataContributor(Store, NullLogger<InteractionsPersonalDataContributor>.Instance);
    }

    public InteractionOptions Options { get; }

    public InMemoryInteractionStore Store { get; } = new();

    public FakeClock Clock { get; }

    public SequentialEventIdGenerator EventIds { get; } = new();

    public InteractionManager Interactions { get; }

    public PurchaseManager Purchases { get; }

    public SupportCaseManager Cases { get; }

    public FeedbackManager Feedback { get; }

    public InteractionMetricsSource Metrics { get; }

    public InteractionsPersonalDataContributor Privacy { get; }

    public Instant Now => Clock.GetCurrentInstant();

    public IReadOnlyList<T> Events<T>() => Store.Outbox.Snapshot().Select(static e => e.Event).OfType<T>().ToList();

    public static InteractionDraft Call(ContactId contact, Instant? at = null, string? key = null, string? summary = "Asked about delivery")
        => new() { ContactId = contact, Kind = InteractionKind.Call, Channel = InteractionChannel.Phone, Direction = InteractionDirection.Inbound, OccurredAt = at, Summary = summary, IdempotencyKey = key };

    public static Money Eur(decimal amount) => new(amount, new CurrencyCode("EUR"));
}
