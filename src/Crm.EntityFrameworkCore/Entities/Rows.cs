using Crm.Contacts;
using Crm.Contacts.Referrals;
using Crm.Events;
using Crm.Storage;
using NodaTime;

namespace Crm.EntityFrameworkCore.Entities;

// The relational rows of the contacts package. They are an implementation detail of the EF Core stores (internal):
// the table and column names are the documented, queryable surface (docs/persistence.md).

/// <summary>crm_contacts: one row per contact, queryable columns beside the versioned JSON document.</summary>
internal sealed class ContactRow
{
    public TenantId TenantId { get; set; }
    public ContactId Id { get; set; }
    public ConcurrencyStamp Stamp { get; set; }
    public string Status { get; set; } = "";
    public ContactId? MergedIntoId { get; set; }
    public Instant? StatusChangedAt { get; set; }
    public string Stage { get; set; } = "";
    public Instant StageEnteredAt { get; set; }
    public string Origin { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? SortName { get; set; }
    public string? NormalizedName { get; set; }
    public string? PrimaryEmail { get; set; }
    public string? PrimaryPhone { get; set; }
    public LocalDate? BirthDate { get; set; }
    public int? BirthMonth { get; set; }
    public int? BirthDay { get; set; }
    public string? PreferredLanguage { get; set; }
    public string? TimeZone { get; set; }
    public string? AcquisitionSource { get; set; }
    public string? AcquisitionMedium { get; set; }
    public string? AcquisitionCampaign { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
    public int FormatVersion { get; set; }
    public string Document { get; set; } = "";
}

/// <summary>crm_contact_emails: the contact's email addresses, primary first.</summary>
internal sealed class ContactEmailRow
{
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public int Position { get; set; }
    public string Address { get; set; } = "";
    public string NormalizedAddress { get; set; } = "";
    public string Domain { get; set; } = "";
}

/// <summary>crm_contact_phones: the contact's phone numbers, primary first.</summary>
internal sealed class ContactPhoneRow
{
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public int Position { get; set; }
    public string E164 { get; set; } = "";
    public string? Extension { get; set; }
}

/// <summary>crm_contact_tags: one row per tag (normalized lower-case for filtering).</summary>
internal sealed class ContactTagRow
{
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public string NormalizedTag { get; set; } = "";
    public string Tag { get; set; } = "";
}

/// <summary>crm_contact_attributes: typed custom attributes, one typed column per kind.</summary>
internal sealed class ContactAttributeRow
{
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? TextValue { get; set; }
    public decimal? NumberValue { get; set; }
    public bool? BooleanValue { get; set; }
    public LocalDate? DateValue { get; set; }
    public CurrencyCode? Currency { get; set; }
}

/// <summary>crm_contact_lifecycle: the append-only lifecycle log (stage entered and when).</summary>
internal sealed class ContactLifecycleRow
{
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public int Position { get; set; }
    public string? FromStage { get; set; }
    public string ToStage { get; set; } = "";
    public Instant At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>crm_duplicate_keys: the normalized duplicate keys of active contacts.</summary>
internal sealed class DuplicateKeyRow
{
    public TenantId TenantId { get; set; }
    public string Criterion { get; set; } = "";
    public string Value { get; set; } = "";
    public ContactId ContactId { get; set; }
}

/// <summary>crm_duplicate_claims: the key combinations created contacts claimed (unique per tenant), so two parallel creates of one person cannot both commit; kept while the contact is active and still holds every key.</summary>
internal sealed class DuplicateClaimRow
{
    public TenantId TenantId { get; set; }
    public string Hash { get; set; } = "";
    public ContactId ContactId { get; set; }

    /// <summary>The SHA-256 of each key of the combination (sorted, space-separated), to tell after an update whether the contact still holds them all.</summary>
    public string KeyHashes { get; set; } = "";
}

/// <summary>crm_referrals: one referrer per referee (unique), <see cref="Sequence"/> is the recording order.</summary>
internal sealed class ReferralRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public ContactId RefereeId { get; set; }
    public ContactId ReferrerId { get; set; }
    public Instant ReferredAt { get; set; }
    public ReferralRequestId? RequestId { get; set; }
}

/// <summary>crm_referral_requests.</summary>
internal sealed class ReferralRequestRow
{
    public TenantId TenantId { get; set; }
    public ReferralRequestId Id { get; set; }
    public ContactId ContactId { get; set; }
    public Instant AskedAt { get; set; }
    public string? Channel { get; set; }
    public string Outcome { get; set; } = "";
    public Instant? AnsweredAt { get; set; }
    public ConcurrencyStamp Stamp { get; set; }
}

/// <summary>crm_version_counters: named version counters, advanced by a conditional update.</summary>
internal sealed class VersionCounterRow
{
    public TenantId TenantId { get; set; }
    public string Name { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>crm_idempotency_keys.</summary>
internal sealed class IdempotencyKeyRow
{
    public TenantId TenantId { get; set; }
    public string Key { get; set; } = "";
    public ContactId ContactId { get; set; }
    public Instant? RecordedAt { get; set; }
}

/// <summary>crm_merges: merge records (versioned JSON), <see cref="Sequence"/> is the recording order.</summary>
internal sealed class MergeRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public ContactId SurvivorId { get; set; }
    public Instant MergedAt { get; set; }
    public int FormatVersion { get; set; }
    public string Document { get; set; } = "";
}

/// <summary>crm_merge_members: which contacts a merge names (survivor and absorbed), for the history lookup.</summary>
internal sealed class MergeMemberRow
{
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public long MergeSequence { get; set; }
    public MergeRow? Merge { get; set; }
}

/// <summary>crm_outbox: the transactional outbox.</summary>
internal sealed class OutboxRow
{
    public const int Pending = 0;
    public const int Delivered = 1;
    public const int DeadLettered = 2;

    public long Sequence { get; set; }
    public CrmEventId EventId { get; set; }
    public TenantId TenantId { get; set; }
    public string TypeName { get; set; } = "";
    public int TypeVersion { get; set; }
    public string Payload { get; set; } = "";
    public Instant OccurredAt { get; set; }
    public int State { get; set; }
    public Instant DueAt { get; set; }
    public Guid? LeaseToken { get; set; }
    public Instant? LeaseExpiresAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public Instant? DeliveredAt { get; set; }
}
