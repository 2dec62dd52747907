using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Referrals;
using NodaTime;

namespace Crm.Contacts.Serialization;

// The "contacts" section of a personal-data export. DTOs keep the public model free of serialization attributes and
// let the export format evolve on its own, versioned by PersonalDataExport.CurrentSchemaVersion. Every member is
// written, also when null, so the export shows what is NOT held as well as what is.

/// <summary>The contacts package's export section: the contact record and its referral facts.</summary>
internal sealed class ContactSectionDto
{
    public required ContactRecordDto Contact { get; init; }

    /// <summary>Null when the store has no referral capability (<c>IReferralStore</c>).</summary>
    public ReferralFactsDto? Referrals { get; init; }
}

internal sealed class ContactRecordDto
{
    public ContactId Id { get; init; }

    public TenantId TenantId { get; init; }

    public ContactStatus Status { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant UpdatedAt { get; init; }

    public Instant? StatusChangedAt { get; init; }

    public ContactId? MergedIntoId { get; init; }

    public RecordOrigin Origin { get; init; }

    public AcquisitionDto? Acquisition { get; init; }

    public NameDto? Name { get; init; }

    public List<EmailDto> Emails { get; init; } = [];

    public List<PhoneDto> PhoneNumbers { get; init; } = [];

    public BirthdayDto? Birthday { get; init; }

    public string? Birthplace { get; init; }

    public string? PreferredLanguage { get; init; }

    public string? TimeZone { get; init; }

    public List<string> Tags { get; init; } = [];

    public List<AttributeDto> Attributes { get; init; } = [];

    public List<ConsentRecordDto> ConsentHistory { get; init; } = [];

    public List<ConsentStateDto> Consents { get; init; } = [];

    public LifecycleStage Stage { get; init; }

    public List<LifecycleTransitionDto> LifecycleHistory { get; init; } = [];
}

internal sealed class AcquisitionDto
{
    public required string Source { get; init; }

    public string? Medium { get; init; }

    public string? Campaign { get; init; }

    public string? Detail { get; init; }
}

internal sealed class NameDto
{
    public required string DisplayName { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public required string SortName { get; init; }
}

internal sealed class EmailDto
{
    public required string Address { get; init; }

    public required string NormalizedAddress { get; init; }

    public required string Original { get; init; }

    public bool IsPrimary { get; init; }
}

internal sealed class PhoneDto
{
    public required string E164 { get; init; }

    public string? Extension { get; init; }

    public required string Original { get; init; }

    public required string RegionCode { get; init; }

    public bool IsPrimary { get; init; }
}

internal sealed class BirthdayDto
{
    public AnnualDate AnnualDate { get; init; }

    public int? Year { get; init; }

    public LocalDate? DateOfBirth { get; init; }
}

internal sealed class AttributeDto
{
    public required string Name { get; init; }

    public CustomAttributeKind Kind { get; init; }

    /// <summary>The value in its invariant text form (as <c>CustomAttributeValue.ToString()</c>).</summary>
    public required string Value { get; init; }

    public LocalDate? Date { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
}

internal sealed class ConsentRecordDto
{
    public required string Purpose { get; init; }

    public ConsentAddressKind AddressKind { get; init; }

    /// <summary>The normalized address; null for "any address" and for an erased address.</summary>
    public string? Address { get; init; }

    public ConsentAction Action { get; init; }

    public LawfulBasis Basis { get; init; }

    public Instant RecordedAt { get; init; }

    public required string Source { get; init; }

    public bool AwaitsConfirmation { get; init; }
}

internal sealed class ConsentStateDto
{
    public required string Purpose { get; init; }

    public ConsentAddressKind AddressKind { get; init; }

    public string? Address { get; init; }

    public ConsentStatus Status { get; init; }

    public LawfulBasis? Basis { get; init; }

    public Instant? GrantedAt { get; init; }

    public Instant? ConfirmedAt { get; init; }

    public Instant? WithdrawnAt { get; init; }
}

internal sealed class LifecycleTransitionDto
{
    public LifecycleStage? From { get; init; }

    public LifecycleStage To { get; init; }

    public Instant At { get; init; }

    public string? ChurnReasonCode { get; init; }

    public string? ChurnReasonNote { get; init; }
}

internal sealed class ReferralFactsDto
{
    /// <summary>Who referred the contact, or null.</summary>
    public ReferralEdgeDto? ReferredBy { get; init; }

    /// <summary>Whom the contact referred directly.</summary>
    public List<ReferralEdgeDto> Referred { get; init; } = [];

    /// <summary>The requests made to the contact to refer someone.</summary>
    public List<ReferralRequestDto> Requests { get; init; } = [];
}

internal sealed class ReferralEdgeDto
{
    /// <summary>The other contact: the referrer in ReferredBy, the referee in Referred.</summary>
    public ContactId ContactId { get; init; }

    public Instant ReferredAt { get; init; }

    public ReferralRequestId? RequestId { get; init; }
}

internal sealed class ReferralRequestDto
{
    public ReferralRequestId Id { get; init; }

    public Instant AskedAt { get; init; }

    public string? Channel { get; init; }

    public ReferralRequestOutcome Outcome { get; init; }

    public Instant? AnsweredAt { get; init; }
}
