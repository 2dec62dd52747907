using Crm.Interactions.Storage;
using Microsoft.Extensions.Logging;

namespace Crm.Interactions;

/// <summary>Re-checks what the store returns (right tenant) before a manager relies on it.</summary>
internal static class StoreGuard
{
    public static T? Checked<T>(T? record, TenantId tenantId, Func<T, TenantId> tenantOf, string entity, ILogger logger)
        where T : class
    {
        if (record is not null && tenantOf(record) != tenantId)
        {
            Log.StoreReturnedWrongRecord(logger, tenantId, entity, tenantOf(record));
            throw new InvalidOperationException($"The {nameof(IInteractionStore)} returned a {entity} of another tenant; the answer was refused.");
        }

        return record;
    }
}
