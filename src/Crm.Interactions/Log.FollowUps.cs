using Crm.Interactions.FollowUps;
using Microsoft.Extensions.Logging;

namespace Crm.Interactions;

internal static partial class Log
{
    [LoggerMessage(EventId = InteractionsEventIds.FollowUpCreated, EventName = nameof(InteractionsEventIds.FollowUpCreated), Level = LogLevel.Information,
        Message = "Follow-up {FollowUpId} (attempt {Attempt}) created for contact {ContactId} in tenant {TenantId}.")]
    public static partial void FollowUpCreated(ILogger logger, TenantId tenantId, ContactId contactId, FollowUpId followUpId, int attempt);

    [LoggerMessage(EventId = InteractionsEventIds.FollowUpCompleted, EventName = nameof(InteractionsEventIds.FollowUpCompleted), Level = LogLevel.Information,
        Message = "Follow-up {FollowUpId} in tenant {TenantId} completed with {Outcome}; next follow-up {NextFollowUpId}.")]
    public static partial void FollowUpCompleted(ILogger logger, TenantId tenantId, FollowUpId followUpId, FollowUpOutcome outcome, FollowUpId? nextFollowUpId);

    [LoggerMessage(EventId = InteractionsEventIds.FollowUpCancelled, EventName = nameof(InteractionsEventIds.FollowUpCancelled), Level = LogLevel.Information,
        Message = "Follow-up {FollowUpId} in tenant {TenantId} cancelled.")]
    public static partial void FollowUpCancelled(ILogger logger, TenantId tenantId, FollowUpId followUpId);

    [LoggerMessage(EventId = InteractionsEventIds.CaseAutomationApplied, EventName = nameof(InteractionsEventIds.CaseAutomationApplied), Level = LogLevel.Information,
        Message = "Case {CaseId} in tenant {TenantId} opened with {FollowUpCount} follow-up(s) from case-opened rules; acknowledgement rendered: {Acknowledged}.")]
    public static partial void CaseAutomationApplied(ILogger logger, TenantId tenantId, Support.CaseId caseId, int followUpCount, bool acknowledged);
}
