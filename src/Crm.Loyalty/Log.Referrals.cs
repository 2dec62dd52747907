using Microsoft.Extensions.Logging;

namespace Crm.Loyalty;

internal static partial class Log
{
    [LoggerMessage(EventId = LoyaltyEventIds.ReferralAttributed, EventName = nameof(LoyaltyEventIds.ReferralAttributed), Level = LogLevel.Information,
        Message = "Referee {RefereeId} was attributed to referrer {ReferrerId} in tenant {TenantId}.")]
    public static partial void ReferralAttributed(ILogger logger, TenantId tenantId, ContactId refereeId, ContactId referrerId);

    [LoggerMessage(EventId = LoyaltyEventIds.ReferralRejected, EventName = nameof(LoyaltyEventIds.ReferralRejected), Level = LogLevel.Warning,
        Message = "A referral claim of referee {RefereeId} by {ReferrerId} in tenant {TenantId} was rejected: {Code}.")]
    public static partial void ReferralRejected(ILogger logger, TenantId tenantId, ContactId refereeId, ContactId referrerId, string code);

    [LoggerMessage(EventId = LoyaltyEventIds.ReferralQualified, EventName = nameof(LoyaltyEventIds.ReferralQualified), Level = LogLevel.Information,
        Message = "Referee {RefereeId} in tenant {TenantId} made a qualifying purchase; rewards due at {EligibleAt}.")]
    public static partial void ReferralQualified(ILogger logger, TenantId tenantId, ContactId refereeId, NodaTime.Instant eligibleAt);

    [LoggerMessage(EventId = LoyaltyEventIds.ReferralVoided, EventName = nameof(LoyaltyEventIds.ReferralVoided), Level = LogLevel.Information,
        Message = "The referral of referee {RefereeId} in tenant {TenantId} was voided by a refund within the return window.")]
    public static partial void ReferralVoided(ILogger logger, TenantId tenantId, ContactId refereeId);

    [LoggerMessage(EventId = LoyaltyEventIds.ReferralSettled, EventName = nameof(LoyaltyEventIds.ReferralSettled), Level = LogLevel.Information,
        Message = "The referral of referee {RefereeId} in tenant {TenantId} was settled with {Rewards} reward(s).")]
    public static partial void ReferralSettled(ILogger logger, TenantId tenantId, ContactId refereeId, int rewards);

    [LoggerMessage(EventId = LoyaltyEventIds.ReferralRewardCapped, EventName = nameof(LoyaltyEventIds.ReferralRewardCapped), Level = LogLevel.Information,
        Message = "The referral reward of {BeneficiaryId} for referee {RefereeId} in tenant {TenantId} was not paid: a per-period cap is reached.")]
    public static partial void ReferralRewardCapped(ILogger logger, TenantId tenantId, ContactId beneficiaryId, ContactId refereeId);

    [LoggerMessage(EventId = LoyaltyEventIds.LedgerMerged, EventName = nameof(LoyaltyEventIds.LedgerMerged), Level = LogLevel.Information,
        Message = "The ledger of member {AbsorbedId} moved to member {SurvivorId} in tenant {TenantId}.")]
    public static partial void LedgerMerged(ILogger logger, TenantId tenantId, ContactId absorbedId, ContactId survivorId);
}
