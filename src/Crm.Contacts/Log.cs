using Crm.Contacts.Acquisition;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Crm.Contacts;

/// <summary>Every log message of Crm.Contacts. Ids, codes and enum values only: never names, addresses or free text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = ContactsEventIds.ContactCreated, EventName = nameof(ContactsEventIds.ContactCreated), Level = LogLevel.Information,
        Message = "Contact {ContactId} created in tenant {TenantId} (origin {Origin}).")]
    public static partial void ContactCreated(ILogger logger, TenantId tenantId, ContactId contactId, RecordOrigin origin);

    [LoggerMessage(EventId = ContactsEventIds.IdempotencyKeysPurged, EventName = nameof(ContactsEventIds.IdempotencyKeysPurged), Level = LogLevel.Information,
        Message = "Purged {Count} idempotency keys recorded before {RecordedBefore} in tenant {TenantId}.")]
    public static partial void IdempotencyKeysPurged(ILogger logger, TenantId tenantId, int count, NodaTime.Instant recordedBefore);

    [LoggerMessage(EventId = ContactsEventIds.ContactUpdated, EventName = nameof(ContactsEventIds.ContactUpdated), Level = LogLevel.Information,
        Message = "Contact {ContactId} in tenant {TenantId} updated: {ChangedFields}.")]
    public static partial void ContactUpdated(ILogger logger, TenantId tenantId, ContactId contactId, IReadOnlyList<string> changedFields);

    [LoggerMessage(EventId = ContactsEventIds.LifecycleStageChanged, EventName = nameof(ContactsEventIds.LifecycleStageChanged), Level = LogLevel.Information,
        Message = "Contact {ContactId} in tenant {TenantId} moved from {FromStage} to {ToStage}.")]
    public static partial void LifecycleStageChanged(ILogger logger, TenantId tenantId, ContactId contactId, LifecycleStage fromStage, LifecycleStage toStage);

    [LoggerMessage(EventId = ContactsEventIds.ConsentRecorded, EventName = nameof(ContactsEventIds.ConsentRecorded), Level = LogLevel.Information,
        Message = "Consent {ConsentAction} for purpose {Purpose} ({AddressKind}) recorded for contact {ContactId} in tenant {TenantId}; now {ConsentStatus}.")]
    public static partial void ConsentRecorded(ILogger logger, TenantId tenantId, ContactId contactId, ConsentPurpose purpose, ConsentAddressKind addressKind, ConsentAction consentAction, ConsentStatus consentStatus);

    [LoggerMessage(EventId = ContactsEventIds.IdempotentCreateReplayed, EventName = nameof(ContactsEventIds.IdempotentCreateReplayed), Level = LogLevel.Information,
        Message = "Create command in tenant {TenantId} repeated an idempotency key; returning contact {ContactId} created by the first command.")]
    public static partial void IdempotentCreateReplayed(ILogger logger, TenantId tenantId, ContactId contactId);

    [LoggerMessage(EventId = ContactsEventIds.ConcurrencyConflict, EventName = nameof(ContactsEventIds.ConcurrencyConflict), Level = LogLevel.Warning,
        Message = "Write to contact {ContactId} in tenant {TenantId} refused: it changed since it was read.")]
    public static partial void ConcurrencyConflict(ILogger logger, TenantId tenantId, ContactId contactId);

    [LoggerMessage(EventId = ContactsEventIds.IllegalLifecycleTransition, EventName = nameof(ContactsEventIds.IllegalLifecycleTransition), Level = LogLevel.Warning,
        Message = "Contact {ContactId} in tenant {TenantId} cannot move from {FromStage} to {ToStage}.")]
    public static partial void IllegalLifecycleTransition(ILogger logger, TenantId tenantId, ContactId contactId, LifecycleStage fromStage, LifecycleStage toStage);

    [LoggerMessage(EventId = ContactsEventIds.StoreReturnedWrongRecord, EventName = nameof(ContactsEventIds.StoreReturnedWrongRecord), Level = LogLevel.Error,
        Message = "The contact store returned a record of tenant {ReturnedTenantId} / id {ReturnedContactId} when asked for tenant {TenantId} / id {ContactId}.")]
    public static partial void StoreReturnedWrongRecord(ILogger logger, TenantId tenantId, ContactId contactId, TenantId returnedTenantId, ContactId returnedContactId);

    [LoggerMessage(EventId = ContactsEventIds.ContactNotActive, EventName = nameof(ContactsEventIds.ContactNotActive), Level = LogLevel.Warning,
        Message = "Change to contact {ContactId} in tenant {TenantId} refused: the contact is {Status}.")]
    public static partial void ContactNotActive(ILogger logger, TenantId tenantId, ContactId contactId, ContactStatus status);

    [LoggerMessage(EventId = ContactsEventIds.ReferralRecorded, EventName = nameof(ContactsEventIds.ReferralRecorded), Level = LogLevel.Information,
        Message = "Referral of contact {RefereeId} by contact {ReferrerId} recorded in tenant {TenantId}.")]
    public static partial void ReferralRecorded(ILogger logger, TenantId tenantId, ContactId refereeId, ContactId referrerId);

    [LoggerMessage(EventId = ContactsEventIds.ReferralRefused, EventName = nameof(ContactsEventIds.ReferralRefused), Level = LogLevel.Warning,
        Message = "Referral of contact {RefereeId} by contact {ReferrerId} in tenant {TenantId} refused: {ErrorCode}.")]
    public static partial void ReferralRefused(ILogger logger, TenantId tenantId, ContactId refereeId, ContactId referrerId, string errorCode);

    [LoggerMessage(EventId = ContactsEventIds.ReferralGraphRetry, EventName = nameof(ContactsEventIds.ReferralGraphRetry), Level = LogLevel.Debug,
        Message = "Referral of contact {RefereeId} in tenant {TenantId} met a concurrent referral-graph change; attempt {Attempt} re-checks the rules.")]
    public static partial void ReferralGraphRetry(ILogger logger, TenantId tenantId, ContactId refereeId, int attempt);

    [LoggerMessage(EventId = ContactsEventIds.ReferralRequestRecorded, EventName = nameof(ContactsEventIds.ReferralRequestRecorded), Level = LogLevel.Information,
        Message = "Referral request {RequestId} of contact {ContactId} in tenant {TenantId} is {Outcome}.")]
    public static partial void ReferralRequestRecorded(ILogger logger, TenantId tenantId, Referrals.ReferralRequestId requestId, ContactId contactId, Referrals.ReferralRequestOutcome outcome);

    [LoggerMessage(EventId = ContactsEventIds.PersonalDataExported, EventName = nameof(ContactsEventIds.PersonalDataExported), Level = LogLevel.Information,
        Message = "Personal data of contact {ContactId} in tenant {TenantId} exported ({SectionCount} sections).")]
    public static partial void PersonalDataExported(ILogger logger, TenantId tenantId, ContactId contactId, int sectionCount);

    [LoggerMessage(EventId = ContactsEventIds.ContactRecordErased, EventName = nameof(ContactsEventIds.ContactRecordErased), Level = LogLevel.Information,
        Message = "Personal data in the record of contact {ContactId} in tenant {TenantId} erased: {ErasedItems}.")]
    public static partial void ContactRecordErased(ILogger logger, TenantId tenantId, ContactId contactId, IReadOnlyList<string> erasedItems);

    [LoggerMessage(EventId = ContactsEventIds.ContactAlreadyErased, EventName = nameof(ContactsEventIds.ContactAlreadyErased), Level = LogLevel.Information,
        Message = "The record of contact {ContactId} in tenant {TenantId} was already erased; it was left as it was.")]
    public static partial void ContactAlreadyErased(ILogger logger, TenantId tenantId, ContactId contactId);

    [LoggerMessage(EventId = ContactsEventIds.PersonalDataContributorFailed, EventName = nameof(ContactsEventIds.PersonalDataContributorFailed), Level = LogLevel.Error,
        Message = "Personal-data contributor {Contributor} failed to erase contact {ContactId} in tenant {TenantId}; the erasure is incomplete, retry it.")]
    public static partial void PersonalDataContributorFailed(ILogger logger, Exception exception, string contributor, TenantId tenantId, ContactId contactId);

    [LoggerMessage(EventId = ContactsEventIds.PersonalDataErased, EventName = nameof(ContactsEventIds.PersonalDataErased), Level = LogLevel.Information,
        Message = "Erasure of contact {ContactId} in tenant {TenantId} complete ({ContributorCount} contributors).")]
    public static partial void PersonalDataErased(ILogger logger, TenantId tenantId, ContactId contactId, int contributorCount);

    [LoggerMessage(EventId = ContactsEventIds.PersonalDataErasureIncomplete, EventName = nameof(ContactsEventIds.PersonalDataErasureIncomplete), Level = LogLevel.Warning,
        Message = "Erasure of contact {ContactId} in tenant {TenantId} incomplete: {FailedCount} of {ContributorCount} contributors failed; retry it.")]
    public static partial void PersonalDataErasureIncomplete(ILogger logger, TenantId tenantId, ContactId contactId, int failedCount, int contributorCount);

    [LoggerMessage(EventId = ContactsEventIds.DuplicateKeysSkipped, EventName = nameof(ContactsEventIds.DuplicateKeysSkipped), Level = LogLevel.Information,
        Message = "Duplicate check in tenant {TenantId} ignored {SkippedCount} value(s) shared by more than {MaxCandidatesPerKey} contacts.")]
    public static partial void DuplicateKeysSkipped(ILogger logger, TenantId tenantId, int skippedCount, int maxCandidatesPerKey);

    [LoggerMessage(EventId = ContactsEventIds.DuplicateContactRejected, EventName = nameof(ContactsEventIds.DuplicateContactRejected), Level = LogLevel.Warning,
        Message = "Create in tenant {TenantId} refused: the contact matches {MatchCount} existing contact(s) under duplicate rule {RuleIndex}.")]
    public static partial void DuplicateContactRejected(ILogger logger, TenantId tenantId, int ruleIndex, int matchCount);

    [LoggerMessage(EventId = ContactsEventIds.PossibleDuplicateCreated, EventName = nameof(ContactsEventIds.PossibleDuplicateCreated), Level = LogLevel.Information,
        Message = "Contact {ContactId} created in tenant {TenantId} matches {MatchCount} existing contact(s) under duplicate rule {RuleIndex}; flagged for review.")]
    public static partial void PossibleDuplicateCreated(ILogger logger, TenantId tenantId, ContactId contactId, int ruleIndex, int matchCount);

    [LoggerMessage(EventId = ContactsEventIds.ImportCompleted, EventName = nameof(ContactsEventIds.ImportCompleted), Level = LogLevel.Information,
        Message = "Import into tenant {TenantId}: {RowCount} rows, {CreatedCount} created, {DuplicateOfExistingCount} duplicates of existing contacts, {DuplicateWithinImportCount} duplicates within the import, {AlreadyImportedCount} already imported, {InvalidCount} invalid.")]
    public static partial void ImportCompleted(ILogger logger, TenantId tenantId, int rowCount, int createdCount, int duplicateOfExistingCount, int duplicateWithinImportCount, int alreadyImportedCount, int invalidCount);

    [LoggerMessage(EventId = ContactsEventIds.ImportBatchRetried, EventName = nameof(ContactsEventIds.ImportBatchRetried), Level = LogLevel.Warning,
        Message = "Import batch starting at row {FirstRow} in tenant {TenantId} met a concurrent change (attempt {Attempt}); re-checking and retrying.")]
    public static partial void ImportBatchRetried(ILogger logger, TenantId tenantId, int firstRow, int attempt);

    [LoggerMessage(EventId = ContactsEventIds.ContactsMerged, EventName = nameof(ContactsEventIds.ContactsMerged), Level = LogLevel.Information,
        Message = "Contacts {AbsorbedIds} merged into {SurvivorId} in tenant {TenantId}; {ReferralsAdded} referral edge(s) re-pointed, {ReferralsRemoved} removed.")]
    public static partial void ContactsMerged(ILogger logger, TenantId tenantId, ContactId survivorId, IReadOnlyList<ContactId> absorbedIds, int referralsAdded, int referralsRemoved);

    [LoggerMessage(EventId = ContactsEventIds.MergeRefused, EventName = nameof(ContactsEventIds.MergeRefused), Level = LogLevel.Warning,
        Message = "Merge into {SurvivorId} in tenant {TenantId} refused: contact {ContactId} is {Reason}.")]
    public static partial void MergeRefused(ILogger logger, TenantId tenantId, ContactId survivorId, ContactId contactId, string reason);

    [LoggerMessage(EventId = ContactsEventIds.MergeConflict, EventName = nameof(ContactsEventIds.MergeConflict), Level = LogLevel.Warning,
        Message = "Merge into {SurvivorId} in tenant {TenantId} failed: a contact or the referral graph changed concurrently; nothing was written.")]
    public static partial void MergeConflict(ILogger logger, TenantId tenantId, ContactId survivorId);

    [LoggerMessage(EventId = ContactsEventIds.MergeReferralsDropped, EventName = nameof(ContactsEventIds.MergeReferralsDropped), Level = LogLevel.Information,
        Message = "Merge into {SurvivorId} in tenant {TenantId} dropped {DroppedCount} referral edge(s) that would have made a cycle, a self-referral or a second referrer.")]
    public static partial void MergeReferralsDropped(ILogger logger, TenantId tenantId, ContactId survivorId, int droppedCount);
}
