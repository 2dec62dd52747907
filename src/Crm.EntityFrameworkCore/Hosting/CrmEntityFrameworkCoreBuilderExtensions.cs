using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Interactions;
using Crm.EntityFrameworkCore.Storage;
using Crm.EntityFrameworkCore.Loyalty;
using Crm.Interactions.Storage;
using Crm.Events;
using Crm.Loyalty.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the CrmCore stores on EF Core.</summary>
public static class CrmEntityFrameworkCoreBuilderExtensions
{
    /// <summary>
    /// Replaces the in-memory stores with EF Core stores over the host's <typeparamref name="TContext"/> (scoped, like the
    /// context): <see cref="EfContactStore{TContext}"/> (contacts, referrals, duplicate index, merge history, idempotency
    /// keys and the outbox), <see cref="EfInteractionStore{TContext}"/> (timeline, purchases, contracts, cases, feedback) and
    /// <see cref="EfLoyaltyStore{TContext}"/> (ledger entries, lots, allocations), which share the outbox and the version counters.
    /// </summary>
    /// <remarks>
    /// Register the context yourself (<c>services.AddDbContext&lt;TContext&gt;(…)</c>); its model must apply
    /// <see cref="CrmModelBuilderExtensions.ApplyCrmContacts"/>, and <see cref="CrmModelBuilderExtensions.ApplyCrmInteractions"/>
    /// or <see cref="CrmModelBuilderExtensions.ApplyCrmLoyalty"/> when those packages are used (as <see cref="Crm.EntityFrameworkCore.CrmDbContext"/> does).
    /// Call it before or after <c>AddContacts()</c>. Create the tables with <see cref="Crm.EntityFrameworkCore.CrmSchema"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder UseEntityFrameworkCore<TContext>(this CrmBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddScoped(static sp => new EfContactStore<TContext>(sp.GetRequiredService<TContext>(), sp.GetRequiredService<CrmEventSerializer>()));
        services.RemoveAll<IContactStore>();
        services.RemoveAll<IReferralStore>();
        services.RemoveAll<IContactDuplicateIndex>();
        services.RemoveAll<IContactMergeHistory>();
        services.AddScoped<IContactStore>(static sp => sp.GetRequiredService<EfContactStore<TContext>>());
        services.AddScoped<IReferralStore>(static sp => sp.GetRequiredService<EfContactStore<TContext>>());
        services.AddScoped<IContactDuplicateIndex>(static sp => sp.GetRequiredService<EfContactStore<TContext>>());
        services.AddScoped<IContactMergeHistory>(static sp => sp.GetRequiredService<EfContactStore<TContext>>());
        services.TryAddScoped(static sp => new EfLoyaltyStore<TContext>(sp.GetRequiredService<TContext>(), sp.GetRequiredService<CrmEventSerializer>()));
        services.RemoveAll<ILoyaltyStore>();
        services.AddScoped<ILoyaltyStore>(static sp => sp.GetRequiredService<EfLoyaltyStore<TContext>>());
        services.TryAddScoped(static sp => new EfInteractionStore<TContext>(sp.GetRequiredService<TContext>(), sp.GetRequiredService<CrmEventSerializer>()));
        services.RemoveAll<IInteractionStore>();
        services.AddScoped<IInteractionStore>(static sp => sp.GetRequiredService<EfInteractionStore<TContext>>());
        return builder;
    }
}
