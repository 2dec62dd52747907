using Crm.Loyalty.Tiers;
using Microsoft.Extensions.Logging;

namespace Crm.Loyalty;

internal static partial class Log
{
    [LoggerMessage(EventId = LoyaltyEventIds.TierChanged, EventName = nameof(LoyaltyEventIds.TierChanged), Level = LogLevel.Information,
        Message = "Member {ContactId} in tenant {TenantId} moved from tier {FromTier} to tier {ToTier} ({Reason}).")]
    public static partial void TierChanged(ILogger logger, TenantId tenantId, ContactId contactId, string? fromTier, string? toTier, TierChangeReason reason);
}
