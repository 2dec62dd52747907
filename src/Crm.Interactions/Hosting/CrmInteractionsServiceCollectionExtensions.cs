using Crm.Interactions;
using Crm.Interactions.Automation;
using Crm.Interactions.Feedback;
using Crm.Interactions.FollowUps;
using Crm.Interactions.InMemory;
using Crm.Interactions.Metrics;
using Crm.Interactions.Privacy;
using Crm.Interactions.Purchases;
using Crm.Interactions.Serialization;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Outbox;
using Crm.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the interactions package to a <see cref="CrmBuilder"/>.</summary>
public static partial class CrmInteractionsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="InteractionManager"/>, <see cref="PurchaseManager"/>, <see cref="SupportCaseManager"/>, <see cref="FeedbackManager"/>, <see cref="FollowUpManager"/>, <see cref="InteractionMetricsSource"/>, the package's personal-data contributor, its options and the default in-memory store.</summary>
    /// <remarks>
    /// <para>Registers <see cref="InMemoryInteractionStore"/> as a singleton and <see cref="IInteractionStore"/> forwarding to
    /// it, both with <c>TryAdd</c>: a host's own store wins whether it is registered before or after this call. Likewise
    /// <see cref="ITrackingCodeGenerator"/> (<see cref="TrackingCodeGenerator"/>) and <see cref="ISlaPolicyProvider"/>
    /// (<see cref="OptionsSlaPolicyProvider"/>) and <see cref="IAssignmentStrategy"/> (<see cref="RoundRobinAssignmentStrategy"/>, scoped);
    /// <see cref="SupportCaseManager"/> runs <see cref="CaseOpenedAutomation"/> (<see cref="CaseAutomationOptions"/>) on every opened case.</para>
    /// <para>Options are validated when the host starts (<c>ValidateOnStart</c>): tracking-code formats, limits, the
    /// detractor threshold, and that the registered store implements <see cref="IOutboxStore"/>,
    /// <see cref="Crm.Storage.IVersionCounterStore"/> and <see cref="IFollowUpStore"/>; a failure is an <see cref="OptionsValidationException"/> naming the
    /// rule. Managers are scoped and need <c>ILogger&lt;T&gt;</c> (<c>services.AddLogging()</c>).</para>
    /// <para>Events: the package's event types are registered with the <see cref="Crm.Events.CrmEventSerializer"/>, and the
    /// registered store is added as an outbox for the <see cref="OutboxDispatcher"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddInteractions(this CrmBuilder builder, Action<InteractionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<InteractionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InteractionOptions>, InteractionOptionsValidator>());
        services.TryAddSingleton<InMemoryInteractionStore>();
        services.TryAddSingleton<IInteractionStore>(static sp => sp.GetRequiredService<InMemoryInteractionStore>());
        services.TryAddSingleton<ITrackingCodeGenerator, TrackingCodeGenerator>();
        services.TryAddSingleton<ISlaPolicyProvider, OptionsSlaPolicyProvider>();
        services.TryAddScoped<InteractionManager>();
        services.TryAddScoped<PurchaseManager>();
        services.TryAddScoped<SupportCaseManager>();
        services.TryAddScoped<FeedbackManager>();
        services.TryAddScoped<FollowUpManager>();
        services.TryAddScoped<IAssignmentStrategy, RoundRobinAssignmentStrategy>();
        services.TryAddScoped<CaseOpenedAutomation>();
        services.TryAddScoped<InteractionMetricsSource>();
        AddJourneyAndCoverage(services);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataContributor, InteractionsPersonalDataContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataContributor, FollowUpsPersonalDataContributor>());
        builder.AddOutboxStore(static sp => sp.GetRequiredService<IInteractionStore>() as IOutboxStore);

        var events = InteractionsEventsJsonContext.Configured;
        builder.AddEventType(events.InteractionRecorded).AddEventType(events.PurchaseRecorded).AddEventType(events.PurchaseRefunded)
            .AddEventType(events.ContractChanged).AddEventType(events.CaseOpened).AddEventType(events.CaseStatusChanged)
            .AddEventType(events.SlaBreached).AddEventType(events.FeedbackRecorded).AddEventType(events.DetractorAlert)
            .AddEventType(events.FollowUpCreated).AddEventType(events.FollowUpCompleted).AddEventType(events.AcknowledgementRendered);
        return builder;
    }
}
