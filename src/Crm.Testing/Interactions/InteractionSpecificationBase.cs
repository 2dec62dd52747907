using Crm.Interactions;
using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime.Testing;

namespace Crm.Testing.Interactions;

/// <summary>What every interactions specification class shares: the store under test made by <see cref="CreateStore"/>, a fake clock, deterministic event ids, and the managers a host would use over the store.</summary>
/// <typeparam name="TStore">The store under test: an <see cref="IInteractionStore"/> with the version counters tracking codes need.</typeparam>
/// <remarks>xunit makes a new instance of the test class for every test, so every test starts with a new clock, new ids and an empty store.</remarks>
public abstract class InteractionSpecificationBase<TStore>
    where TStore : class, IInteractionStore, IVersionCounterStore
{
    /// <summary>The first tenant the specification writes to.</summary>
    protected static readonly TenantId TenantA = new("spec-tenant-a");

    /// <summary>A second tenant, for isolation tests.</summary>
    protected static readonly TenantId TenantB = new("spec-tenant-b");

    /// <summary>Creates the specification with a fresh clock and event-id generator.</summary>
    protected InteractionSpecificationBase()
    {
        Clock = CrmTestClock.Create();
        EventIds = new SequentialEventIdGenerator();
    }

    /// <summary>The clock the managers read; it moves one second on every read.</summary>
    protected FakeClock Clock { get; }

    /// <summary>The event ids the managers give their events, in order.</summary>
    protected SequentialEventIdGenerator EventIds { get; }

    /// <summary>Creates a new, empty store under test.</summary>
    protected abstract TStore CreateStore();

    /// <summary>The options the managers run with; override to match the host's configuration.</summary>
    protected virtual InteractionOptions CreateOptions() => new();

    /// <summary>An <see cref="InteractionManager"/> over <paramref name="store"/>.</summary>
    protected InteractionManager CreateInteractionManager(TStore store) => new(store, Clock, EventIds, NullLogger<InteractionManager>.Instance);

    /// <summary>A <see cref="PurchaseManager"/> over <paramref name="store"/>.</summary>
    protected PurchaseManager CreatePurchaseManager(TStore store) => new(store, Clock, EventIds, NullLogger<PurchaseManager>.Instance);

    /// <summary>A <see cref="FeedbackManager"/> over <paramref name="store"/>.</summary>
    protected FeedbackManager CreateFeedbackManager(TStore store) => new(store, Clock, EventIds, NullLogger<FeedbackManager>.Instance, Options.Create(CreateOptions()));

    /// <summary>A <see cref="SupportCaseManager"/> over <paramref name="store"/> with the default tracking codes and the options' SLA policy.</summary>
    protected SupportCaseManager CreateCaseManager(TStore store)
    {
        var options = Options.Create(CreateOptions());
        return new(store, new TrackingCodeGenerator(options), new OptionsSlaPolicyProvider(options), Clock, EventIds, NullLogger<SupportCaseManager>.Instance, options);
    }

    /// <summary>A timeline entry of <paramref name="tenant"/> for <paramref name="contact"/>, not yet stored.</summary>
    protected Interaction NewInteraction(TenantId tenant, ContactId contact, NodaTime.Instant occurredAt, InteractionKind kind = InteractionKind.Call, InteractionChannel channel = InteractionChannel.Phone)
        => new(tenant, InteractionId.New(), contact, kind, channel, InteractionDirection.Inbound, occurredAt, new TeamMemberId("agent-7"), "spec summary",
            new InteractionLinks { OrderReference = "SPEC-1" }, Clock.GetCurrentInstant(), ConcurrencyStamp.New());

    /// <summary>Reads every page of <paramref name="read"/>, page size <paramref name="size"/>.</summary>
    protected static async Task<List<T>> ReadAllAsync<T>(Func<PageRequest, ValueTask<Page<T>>> read, int size)
    {
        ArgumentNullException.ThrowIfNull(read);
        var all = new List<T>();
        var page = PageRequest.First(size);
        while (true)
        {
            var result = await read(page).ConfigureAwait(false);
            result.Items.Count.Should().BeLessThanOrEqualTo(size);
            all.AddRange(result.Items);
            if (result.NextCursor is null)
            {
                return all;
            }

            page = PageRequest.After(result.NextCursor, size);
        }
    }
}
