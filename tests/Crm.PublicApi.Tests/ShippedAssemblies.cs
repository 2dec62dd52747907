using System.Reflection;

namespace Crm.PublicApi.Tests;

/// <summary>Every assembly CrmCore ships as a package; add each new package here.</summary>
internal static class ShippedAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } =
    [
        typeof(Crm.TenantId).Assembly,
        typeof(Crm.Contacts.Contact).Assembly,
        typeof(Crm.Loyalty.LoyaltyManager).Assembly,
        typeof(Crm.Metrics.MetricValue).Assembly,
        typeof(Crm.Testing.SequentialEventIdGenerator).Assembly,
        typeof(Crm.EntityFrameworkCore.CrmDbContext).Assembly,
        typeof(Crm.Interactions.Interaction).Assembly,
        typeof(Crm.Loyalty.Interactions.LoyaltyInteractionsEventIds).Assembly,
    ];
}
