using Microsoft.Extensions.Logging;

namespace Crm.Loyalty.Interactions;

/// <summary>Every log message of Crm.Loyalty.Interactions: ids and codes only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LoyaltyInteractionsEventIds.PurchaseSkipped, EventName = nameof(LoyaltyInteractionsEventIds.PurchaseSkipped), Level = LogLevel.Information,
        Message = "Purchase {PurchaseId} of member {ContactId} in tenant {TenantId} earns no points: {Reason}.")]
    public static partial void PurchaseSkipped(ILogger logger, TenantId tenantId, ContactId contactId, string purchaseId, string reason);
}
