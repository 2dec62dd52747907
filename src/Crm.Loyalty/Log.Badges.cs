using Microsoft.Extensions.Logging;

namespace Crm.Loyalty;

internal static partial class Log
{
    [LoggerMessage(EventId = LoyaltyEventIds.BadgeAwarded, EventName = nameof(LoyaltyEventIds.BadgeAwarded), Level = LogLevel.Information,
        Message = "Member {ContactId} in tenant {TenantId} was awarded badge {BadgeId} ({Points} points).")]
    public static partial void BadgeAwarded(ILogger logger, TenantId tenantId, ContactId contactId, string badgeId, long points);
}
