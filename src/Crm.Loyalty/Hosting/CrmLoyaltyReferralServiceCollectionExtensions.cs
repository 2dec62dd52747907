using Crm.Contacts.Events;
using Crm.Loyalty;
using Crm.Loyalty.Integration;
using Crm.Loyalty.Referrals;
using Crm.Loyalty.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds double-sided referral rewards and the loyalty package's reactions to Crm.Contacts events to a <see cref="CrmBuilder"/>.</summary>
public static class CrmLoyaltyReferralServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ReferralRewardManager"/>, its options, the built-in abuse checks and the listener attributing Crm.Contacts' <c>ReferralRecorded</c> events.</summary>
    /// <remarks>Call after <c>AddLoyalty()</c> and <c>AddContacts()</c>: the manager reads contacts and the referral graph.
    /// The options are validated when the host starts, with the rule in the message; so is the registered loyalty store's
    /// <see cref="Crm.Loyalty.Storage.ILoyaltyReferralStore"/> capability.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddLoyaltyReferralRewards(this CrmBuilder builder, Action<ReferralRewardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<ReferralRewardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferralRewardOptions>, ReferralRewardOptionsValidator>());
        services.TryAddScoped<ReferralRewardManager>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReferralAbuseCheck, SelfReferralCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReferralAbuseCheck, ReferralCycleCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReferralAbuseCheck, SharedEmailCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReferralAbuseCheck, SharedPhoneCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReferralAbuseCheck, SharedFingerprintCheck>());
        builder.AddEventListener<ReferralRecorded, LoyaltyReferralRecordedListener>();
        return builder;
    }

    /// <summary>Adds a host's own abuse check (scoped), run after the built-in ones on every referral claim.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddReferralAbuseCheck<TCheck>(this CrmBuilder builder)
        where TCheck : class, IReferralAbuseCheck
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IReferralAbuseCheck, TCheck>());
        return builder;
    }

    /// <summary>What <c>AddLoyalty()</c> registers for merges and referrals: the <c>ContactsMerged</c> listener moving ledgers, and the referral and merge event types (so every store's outbox can serialize them).</summary>
    internal static CrmBuilder AddLoyaltyMerges(this CrmBuilder builder)
    {
        builder.AddEventListener<ContactsMerged, LoyaltyContactsMergedListener>();
        var events = LoyaltyReferralEventsJsonContext.Configured;
        return builder.AddEventType(events.LedgerMerged).AddEventType(events.ReferralRewardPaid).AddEventType(events.ReferralRewardVoided).AddEventType(events.ReferralRejected);
    }
}
