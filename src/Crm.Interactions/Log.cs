using Crm.Interactions.Support;
using Microsoft.Extensions.Logging;

namespace Crm.Interactions;

/// <summary>Every log message of Crm.Interactions. Ids, codes, kinds and counts only: never names, summaries, comments or other free text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = InteractionsEventIds.InteractionRecorded, EventName = nameof(InteractionsEventIds.InteractionRecorded), Level = LogLevel.Debug,
        Message = "Interaction {InteractionId} ({Kind}) recorded for contact {ContactId} in tenant {TenantId}.")]
    public static partial void InteractionRecorded(ILogger logger, TenantId tenantId, ContactId contactId, InteractionId interactionId, InteractionKind kind);

    [LoggerMessage(EventId = InteractionsEventIds.IdempotentReplay, EventName = nameof(InteractionsEventIds.IdempotentReplay), Level = LogLevel.Information,
        Message = "A recording command in tenant {TenantId} repeated an idempotency key; returning interaction {InteractionId} recorded by the first command.")]
    public static partial void IdempotentReplay(ILogger logger, TenantId tenantId, InteractionId interactionId);

    [LoggerMessage(EventId = InteractionsEventIds.StoreReturnedWrongRecord, EventName = nameof(InteractionsEventIds.StoreReturnedWrongRecord), Level = LogLevel.Error,
        Message = "The interaction store returned a {Entity} of tenant {ReturnedTenantId} when asked for tenant {TenantId}; the answer was refused.")]
    public static partial void StoreReturnedWrongRecord(ILogger logger, TenantId tenantId, string entity, TenantId returnedTenantId);

    [LoggerMessage(EventId = InteractionsEventIds.PurchaseRecorded, EventName = nameof(InteractionsEventIds.PurchaseRecorded), Level = LogLevel.Information,
        Message = "Purchase {PurchaseId} recorded for contact {ContactId} in tenant {TenantId}.")]
    public static partial void PurchaseRecorded(ILogger logger, TenantId tenantId, ContactId contactId, Purchases.PurchaseId purchaseId);

    [LoggerMessage(EventId = InteractionsEventIds.PurchaseRefunded, EventName = nameof(InteractionsEventIds.PurchaseRefunded), Level = LogLevel.Information,
        Message = "Purchase {PurchaseId} in tenant {TenantId} refunded (refund #{RefundNumber}).")]
    public static partial void PurchaseRefunded(ILogger logger, TenantId tenantId, Purchases.PurchaseId purchaseId, int refundNumber);

    [LoggerMessage(EventId = InteractionsEventIds.ContractChanged, EventName = nameof(InteractionsEventIds.ContractChanged), Level = LogLevel.Information,
        Message = "Contract {ContractId} in tenant {TenantId} is {Status}.")]
    public static partial void ContractChanged(ILogger logger, TenantId tenantId, Purchases.ContractId contractId, Purchases.ContractStatus status);

    [LoggerMessage(EventId = InteractionsEventIds.CaseOpened, EventName = nameof(InteractionsEventIds.CaseOpened), Level = LogLevel.Information,
        Message = "Case {CaseId} ({TrackingCode}) opened for contact {ContactId} in tenant {TenantId} (imported: {IsImported}).")]
    public static partial void CaseOpened(ILogger logger, TenantId tenantId, ContactId contactId, CaseId caseId, string trackingCode, bool isImported);

    [LoggerMessage(EventId = InteractionsEventIds.CaseStatusChanged, EventName = nameof(InteractionsEventIds.CaseStatusChanged), Level = LogLevel.Information,
        Message = "Case {CaseId} in tenant {TenantId} moved from {FromStatus} to {ToStatus}.")]
    public static partial void CaseStatusChanged(ILogger logger, TenantId tenantId, CaseId caseId, CaseStatus fromStatus, CaseStatus toStatus);

    [LoggerMessage(EventId = InteractionsEventIds.TrackingCodeSkipped, EventName = nameof(InteractionsEventIds.TrackingCodeSkipped), Level = LogLevel.Information,
        Message = "Tracking code {TrackingCode} of sequence number {Sequence} in tenant {TenantId} is already taken; the number was skipped.")]
    public static partial void TrackingCodeSkipped(ILogger logger, TenantId tenantId, string trackingCode, long sequence);

    [LoggerMessage(EventId = InteractionsEventIds.CaseSequenceRetry, EventName = nameof(InteractionsEventIds.CaseSequenceRetry), Level = LogLevel.Debug,
        Message = "Opening a case in tenant {TenantId} met a concurrent case; attempt {Attempt} draws the next number.")]
    public static partial void CaseSequenceRetry(ILogger logger, TenantId tenantId, int attempt);

    [LoggerMessage(EventId = InteractionsEventIds.SlaChecked, EventName = nameof(InteractionsEventIds.SlaChecked), Level = LogLevel.Warning,
        Message = "SLA check of tenant {TenantId} as of {AsOf}: {BreachCount} breach(es) raised over {CaseCount} case(s).")]
    public static partial void SlaBreachesRaised(ILogger logger, TenantId tenantId, NodaTime.Instant asOf, int breachCount, int caseCount);

    [LoggerMessage(EventId = InteractionsEventIds.FeedbackRecorded, EventName = nameof(InteractionsEventIds.FeedbackRecorded), Level = LogLevel.Information,
        Message = "Feedback {FeedbackId} ({Survey} {Score}) recorded for contact {ContactId} in tenant {TenantId}.")]
    public static partial void FeedbackRecorded(ILogger logger, TenantId tenantId, ContactId contactId, Feedback.FeedbackId feedbackId, Feedback.FeedbackSurvey survey, int score);

    [LoggerMessage(EventId = InteractionsEventIds.DetractorAlert, EventName = nameof(InteractionsEventIds.DetractorAlert), Level = LogLevel.Warning,
        Message = "Detractor alert: contact {ContactId} in tenant {TenantId} gave NPS {Score} (feedback {FeedbackId}).")]
    public static partial void DetractorAlert(ILogger logger, TenantId tenantId, ContactId contactId, Feedback.FeedbackId feedbackId, int score);

    [LoggerMessage(EventId = InteractionsEventIds.InteractionsErased, EventName = nameof(InteractionsEventIds.InteractionsErased), Level = LogLevel.Information,
        Message = "Erased the free text of {RecordCount} interaction record(s) of contact {ContactId} in tenant {TenantId}; amounts, instants and scores kept.")]
    public static partial void InteractionsErased(ILogger logger, TenantId tenantId, ContactId contactId, int recordCount);
}
