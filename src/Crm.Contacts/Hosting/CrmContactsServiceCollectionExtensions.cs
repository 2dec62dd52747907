using Crm.Contacts.Duplicates;
using Crm.Contacts.Import;
using Crm.Contacts.InMemory;
using Crm.Contacts.Merging;
using Crm.Contacts.Privacy;
using Crm.Contacts.Serialization;
using Crm.Contacts.Storage;
using Crm.Outbox;
using Crm.Contacts;
using Crm.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the contacts package to a <see cref="CrmBuilder"/>.</summary>
public static class CrmContactsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ContactManager"/>, <see cref="Crm.Contacts.Referrals.ReferralManager"/>, <see cref="Crm.Contacts.Referrals.ReferralAnalytics"/>, <see cref="DuplicateDetector"/>, <see cref="ContactImporter"/>, <see cref="ContactMerger"/>, <see cref="PersonalDataManager"/> (with the contacts package's personal-data contributor), their options and the default in-memory store.</summary>
    /// <remarks>
    /// <para>Registers <see cref="InMemoryContactStore"/> as a singleton and <see cref="IContactStore"/> forwarding to it,
    /// both with <c>TryAdd</c>: a host's own <see cref="IContactStore"/> wins whether it is registered before or after
    /// this call. <see cref="IReferralStore"/> resolves to the registered <see cref="IContactStore"/> (also
    /// <c>TryAdd</c>), so reads and writes always go to the same store.</para>
    /// <para>Options are validated when the host starts (<c>ValidateOnStart</c>): limits, the default phone region, and —
    /// when <see cref="ContactOptions.EnableReferrals"/> is set — that the registered store implements
    /// <see cref="IReferralStore"/>, and when <see cref="DuplicateOptions.Enabled"/> is set, the duplicate rules and that the
    /// store implements <see cref="IContactDuplicateIndex"/>; a failure is an <see cref="OptionsValidationException"/> naming the rule.
    /// <see cref="ContactManager"/> is scoped and needs <c>ILogger&lt;T&gt;</c> from the host's logging
    /// (<c>services.AddLogging()</c>, which every .NET host adds). Calling it more than once adds each configuration.</para>
    /// <para>Events: the package's event types are registered with the <see cref="Crm.Events.CrmEventSerializer"/>, and the
    /// registered <see cref="IContactStore"/> is added as an outbox for the <see cref="OutboxDispatcher"/> when it implements
    /// <see cref="IOutboxStore"/> (the in-memory store does). A store without an outbox cannot deliver events: the options
    /// validation refuses it at start-up.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddContacts(this CrmBuilder builder, Action<ContactOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<ContactOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactOptions>, ContactOptionsValidator>());
        services.TryAddSingleton<InMemoryContactStore>();
        services.TryAddSingleton<IContactStore>(static sp => sp.GetRequiredService<InMemoryContactStore>());
        services.TryAddTransient<IReferralStore>(static sp => sp.GetRequiredService<IContactStore>() as IReferralStore
            ?? throw new InvalidOperationException("The registered IContactStore does not implement IReferralStore; register one that does, or set ContactOptions.EnableReferrals = false and do not use referrals."));
        services.TryAddScoped<ContactManager>();
        services.TryAddScoped<Crm.Contacts.Referrals.ReferralManager>();
        services.TryAddScoped<Crm.Contacts.Referrals.ReferralAnalytics>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataContributor, ContactPersonalDataContributor>());
        services.TryAddScoped<PersonalDataManager>();
        services.TryAddScoped<DuplicateDetector>();
        services.TryAddScoped<ContactImporter>();
        services.TryAddScoped<ContactMerger>();
        builder.AddOutboxStore(static sp => sp.GetRequiredService<IContactStore>() as IOutboxStore); // a second AddContacts resolves the same store, which the dispatcher visits once

        var events = ContactsEventsJsonContext.Configured;
        builder.AddEventType(events.ContactCreated).AddEventType(events.ContactUpdated).AddEventType(events.LifecycleStageChanged)
            .AddEventType(events.ConsentChanged).AddEventType(events.ContactsMerged).AddEventType(events.PossibleDuplicateDetected)
            .AddEventType(events.ReferralRecorded).AddEventType(events.ReferralRequestRecorded)
            .AddEventType(events.PersonalDataExported).AddEventType(events.PersonalDataErased);
        return builder;
    }
}
