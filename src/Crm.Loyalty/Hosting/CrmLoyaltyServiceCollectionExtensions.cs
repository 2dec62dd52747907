using Crm.Loyalty;
using Crm.Loyalty.InMemory;
using Crm.Loyalty.Privacy;
using Crm.Loyalty.Serialization;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the loyalty package to a <see cref="CrmBuilder"/>.</summary>
public static class CrmLoyaltyServiceCollectionExtensions
{
    /// <summary>Adds <see cref="LoyaltyManager"/>, its options, the default in-memory store and the loyalty personal-data contributor.</summary>
    /// <remarks>
    /// <para>Registers <see cref="InMemoryLoyaltyStore"/> as a singleton and <see cref="ILoyaltyStore"/> forwarding to it,
    /// both with <c>TryAdd</c>: a host's own <see cref="ILoyaltyStore"/> wins whether it is registered before or after this
    /// call. <see cref="LoyaltyManager"/> is scoped and needs <c>ILogger&lt;T&gt;</c> from the host's logging.</para>
    /// <para>Options are validated when the host starts (<c>ValidateOnStart</c>): the program (currency, rounding mode and
    /// debt policy set, positive rates and points, unambiguous precedence…), the retry limit, and that the registered store
    /// implements <see cref="IOutboxStore"/>; a failure is an <see cref="OptionsValidationException"/> naming the rule.</para>
    /// <para>Events: the package's event types are registered with the <see cref="Crm.Events.CrmEventSerializer"/> and the
    /// registered store is added as an outbox for the <see cref="OutboxDispatcher"/>. A listener of Crm.Contacts'
    /// <c>ContactsMerged</c> moves merged members' ledgers to the survivor (<see cref="LoyaltyManager.MergeMembersAsync"/>).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddLoyalty(this CrmBuilder builder, Action<LoyaltyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<LoyaltyOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoyaltyOptions>, LoyaltyOptionsValidator>());
        services.TryAddSingleton<InMemoryLoyaltyStore>();
        services.TryAddSingleton<ILoyaltyStore>(static sp => sp.GetRequiredService<InMemoryLoyaltyStore>());
        services.TryAddScoped<LoyaltyManager>();
        builder.AddPersonalDataContributor<LoyaltyPersonalDataContributor>();
        builder.AddOutboxStore(static sp => sp.GetRequiredService<ILoyaltyStore>() as IOutboxStore);
        builder.AddLoyaltyMerges();

        var events = LoyaltyEventsJsonContext.Configured;
        builder.AddEventType(events.PointsEarned).AddEventType(events.PointsRedeemed).AddEventType(events.PointsExpired)
            .AddEventType(events.PointsReversed).AddEventType(events.PointsAdjusted).AddEventType(events.RewardPaid)
            .AddEventType(events.TierChanged).AddEventType(events.BadgeAwarded);
        return builder;
    }
}
