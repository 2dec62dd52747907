using Crm.Loyalty.Ledger;
using Microsoft.Extensions.Logging;

namespace Crm.Loyalty;

/// <summary>Every log message of Crm.Loyalty. Ids, kinds and numbers only: never names, addresses or free text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = LoyaltyEventIds.PointsCredited, EventName = nameof(LoyaltyEventIds.PointsCredited), Level = LogLevel.Information,
        Message = "{Kind} entry {EntryId} credited {Points} points to member {ContactId} in tenant {TenantId}.")]
    public static partial void PointsCredited(ILogger logger, TenantId tenantId, ContactId contactId, LedgerEntryKind kind, LedgerEntryId entryId, long points);

    [LoggerMessage(EventId = LoyaltyEventIds.PointsDebited, EventName = nameof(LoyaltyEventIds.PointsDebited), Level = LogLevel.Information,
        Message = "{Kind} entry {EntryId} debited {Points} points from member {ContactId} in tenant {TenantId}.")]
    public static partial void PointsDebited(ILogger logger, TenantId tenantId, ContactId contactId, LedgerEntryKind kind, LedgerEntryId entryId, long points);

    [LoggerMessage(EventId = LoyaltyEventIds.CommandReplayed, EventName = nameof(LoyaltyEventIds.CommandReplayed), Level = LogLevel.Information,
        Message = "A command for member {ContactId} in tenant {TenantId} repeated an idempotency key; returning entry {EntryId}.")]
    public static partial void CommandReplayed(ILogger logger, TenantId tenantId, ContactId contactId, LedgerEntryId entryId);

    [LoggerMessage(EventId = LoyaltyEventIds.ConcurrencyRetry, EventName = nameof(LoyaltyEventIds.ConcurrencyRetry), Level = LogLevel.Debug,
        Message = "A command for member {ContactId} in tenant {TenantId} met a concurrent change; attempt {Attempt} re-decides.")]
    public static partial void ConcurrencyRetry(ILogger logger, TenantId tenantId, ContactId contactId, int attempt);

    [LoggerMessage(EventId = LoyaltyEventIds.DebitRefused, EventName = nameof(LoyaltyEventIds.DebitRefused), Level = LogLevel.Warning,
        Message = "A debit of {Points} points from member {ContactId} in tenant {TenantId} was refused: {ErrorCode}.")]
    public static partial void DebitRefused(ILogger logger, TenantId tenantId, ContactId contactId, long points, string errorCode);

    [LoggerMessage(EventId = LoyaltyEventIds.LotsProcessed, EventName = nameof(LoyaltyEventIds.LotsProcessed), Level = LogLevel.Information,
        Message = "{Count} lot(s) of member {ContactId} in tenant {TenantId}: {Kind} as of {AsOf}.")]
    public static partial void LotsProcessed(ILogger logger, TenantId tenantId, ContactId contactId, int count, LedgerEntryKind kind, NodaTime.Instant asOf);
}
