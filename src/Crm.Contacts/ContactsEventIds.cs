namespace Crm.Contacts;

/// <summary>The <see cref="Microsoft.Extensions.Logging.EventId"/> numbers Crm.Contacts logs with, so hosts can filter them.</summary>
/// <remarks>
/// Crm.Contacts owns 1000–1999: 1000–1099 contacts core, 1100–1199 referrals, 1200–1299 duplicates and merge,
/// 1400–1499 privacy (export, erasure). Numbers are never reused for another meaning: 1009 (event publish failed) is retired,
/// since events now go through the outbox (Crm.Core logs delivery in <see cref="CoreEventIds"/>).
/// </remarks>
public static class ContactsEventIds
{
    /// <summary>A contact was created (Information).</summary>
    public const int ContactCreated = 1001;

    /// <summary>A contact's profile was changed (Information).</summary>
    public const int ContactUpdated = 1002;

    /// <summary>A contact moved to another lifecycle stage (Information).</summary>
    public const int LifecycleStageChanged = 1003;

    /// <summary>A consent grant, confirmation or withdrawal was recorded (Information).</summary>
    public const int ConsentRecorded = 1004;

    /// <summary>A create command repeated an idempotency key and got the first result back (Information).</summary>
    public const int IdempotentCreateReplayed = 1005;

    /// <summary>A write was refused because the contact changed since it was read (Warning).</summary>
    public const int ConcurrencyConflict = 1006;

    /// <summary>A lifecycle move outside the transition table was refused (Warning).</summary>
    public const int IllegalLifecycleTransition = 1007;

    /// <summary>The store returned a record of another tenant or id; the call failed (Error).</summary>
    public const int StoreReturnedWrongRecord = 1008;

    /// <summary>A change was refused because the contact was merged or erased (Warning).</summary>
    public const int ContactNotActive = 1010;

    /// <summary>Idempotency keys older than the retention were purged (Information).</summary>
    public const int IdempotencyKeysPurged = 1011;

    /// <summary>A referral edge was recorded (Information).</summary>
    public const int ReferralRecorded = 1101;

    /// <summary>A referral was refused: self-referral, a cycle or a second referrer (Warning).</summary>
    public const int ReferralRefused = 1102;

    /// <summary>A referral write met a concurrent change of the referral graph and was retried (Debug).</summary>
    public const int ReferralGraphRetry = 1103;

    /// <summary>A contact was asked for a referral, or the answer was recorded (Information).</summary>
    public const int ReferralRequestRecorded = 1104;

    /// <summary>A contact's personal data was exported (Information).</summary>
    public const int PersonalDataExported = 1401;

    /// <summary>The personal data in a contact record was erased (Information).</summary>
    public const int ContactRecordErased = 1402;

    /// <summary>An erasure found the contact record already erased and left it as it was (Information).</summary>
    public const int ContactAlreadyErased = 1403;

    /// <summary>A personal-data contributor failed during an erasure; the erasure is incomplete and should be retried (Error).</summary>
    public const int PersonalDataContributorFailed = 1404;

    /// <summary>An erasure finished and every contributor succeeded (Information).</summary>
    public const int PersonalDataErased = 1405;

    /// <summary>An erasure finished but at least one contributor failed; retry it (Warning).</summary>
    public const int PersonalDataErasureIncomplete = 1406;

    /// <summary>A duplicate check ignored values shared by more contacts than <c>DuplicateOptions.MaxCandidatesPerKey</c> (Information).</summary>
    public const int DuplicateKeysSkipped = 1201;

    /// <summary>A create was refused because the contact duplicates existing ones (Warning).</summary>
    public const int DuplicateContactRejected = 1202;

    /// <summary>A contact was created although it matches existing ones; flagged for review (Information).</summary>
    public const int PossibleDuplicateCreated = 1203;

    /// <summary>An import finished (Information).</summary>
    public const int ImportCompleted = 1210;

    /// <summary>An import batch met a concurrent change and was re-checked and retried (Warning).</summary>
    public const int ImportBatchRetried = 1211;

    /// <summary>Contacts were merged into a survivor (Information).</summary>
    public const int ContactsMerged = 1220;

    /// <summary>A merge was refused: a contact is unknown, merged or erased (Warning).</summary>
    public const int MergeRefused = 1221;

    /// <summary>A merge failed because an involved contact or the referral graph changed concurrently; nothing was written (Warning).</summary>
    public const int MergeConflict = 1222;

    /// <summary>A merge dropped referral edges that would have created a cycle, a self-referral or a second referrer (Information).</summary>
    public const int MergeReferralsDropped = 1223;
}
