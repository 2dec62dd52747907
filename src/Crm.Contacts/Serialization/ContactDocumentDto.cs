using System.Text.Json.Serialization;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Serialization;

// The storage document of ContactSerializer (format version 1). Unlike the export DTOs, this is a lossless snapshot
// of the state a Contact holds, and nothing derived from it (Stage, Consents, primary email are recomputed). Every
// member is required (it must be present, null where the type allows), and unknown members are refused, so a document
// written by a newer version that forgot to bump the format version fails instead of silently losing data.

/// <summary>The stored form of a contact (format version 1).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ContactDocumentDto
{
    public required int FormatVersion { get; init; }

    public required TenantId TenantId { get; init; }

    public required ContactId Id { get; init; }

    public required ConcurrencyStamp ConcurrencyStamp { get; init; }

    public required Instant CreatedAt { get; init; }

    public required Instant UpdatedAt { get; init; }

    public required ContactStatus Status { get; init; }

    public required ContactId? MergedIntoId { get; init; }

    public required Instant? StatusChangedAt { get; init; }

    public required RecordOrigin Origin { get; init; }

    public required StoredAcquisitionDto? Acquisition { get; init; }

    public required StoredNameDto? Name { get; init; }

    public required List<StoredEmailDto> Emails { get; init; }

    public required List<StoredPhoneDto> PhoneNumbers { get; init; }

    public required StoredBirthdayDto? Birthday { get; init; }

    public required string? Birthplace { get; init; }

    public required string? PreferredLanguage { get; init; }

    public required string? TimeZone { get; init; }

    public required List<string> Tags { get; init; }

    public required List<StoredAttributeDto> Attributes { get; init; }

    public required List<StoredConsentRecordDto> ConsentHistory { get; init; }

    public required List<StoredLifecycleTransitionDto> LifecycleHistory { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredAcquisitionDto
{
    public required string Source { get; init; }

    public required string? Medium { get; init; }

    public required string? Campaign { get; init; }

    public required string? Detail { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredNameDto
{
    public required string DisplayName { get; init; }

    public required string? GivenName { get; init; }

    public required string? FamilyName { get; init; }

    /// <summary>Only an explicitly set sort name; null when the sort name is the display name.</summary>
    public required string? SortName { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredEmailDto
{
    public required string Original { get; init; }

    public required string Address { get; init; }

    public required string NormalizedAddress { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredPhoneDto
{
    public required string Original { get; init; }

    public required string E164 { get; init; }

    public required string? Extension { get; init; }

    public required string RegionCode { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredBirthdayDto
{
    public required int Month { get; init; }

    public required int Day { get; init; }

    public required int? Year { get; init; }
}

/// <summary>One custom attribute: exactly the member(s) of its kind are non-null.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredAttributeDto
{
    public required string Name { get; init; }

    public required CustomAttributeKind Kind { get; init; }

    public string? Text { get; init; }

    public decimal? Number { get; init; }

    public bool? Boolean { get; init; }

    public LocalDate? Date { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredConsentRecordDto
{
    public required string Purpose { get; init; }

    public required ConsentAddressKind AddressKind { get; init; }

    /// <summary>The normalized address; null for "any address" and for an erased address.</summary>
    public required string? Address { get; init; }

    public required ConsentAction Action { get; init; }

    public required LawfulBasis Basis { get; init; }

    public required Instant RecordedAt { get; init; }

    public required string Source { get; init; }

    public required bool AwaitsConfirmation { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredLifecycleTransitionDto
{
    public required LifecycleStage? From { get; init; }

    public required LifecycleStage To { get; init; }

    public required Instant At { get; init; }

    public required StoredChurnReasonDto? Reason { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoredChurnReasonDto
{
    public required string Code { get; init; }

    public required string? Note { get; init; }
}
