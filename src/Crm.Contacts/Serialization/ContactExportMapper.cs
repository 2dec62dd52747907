using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Referrals;

namespace Crm.Contacts.Serialization;

/// <summary>Maps a contact and its referral facts to the export DTOs: every field, nothing left out.</summary>
internal static class ContactExportMapper
{
    public static ContactSectionDto ToSection(Contact contact, ReferralFactsDto? referrals) => new()
    {
        Contact = ToRecord(contact),
        Referrals = referrals,
    };

    public static ContactRecordDto ToRecord(Contact c) => new()
    {
        Id = c.Id,
        TenantId = c.TenantId,
        Status = c.Status,
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
        StatusChangedAt = c.StatusChangedAt,
        MergedIntoId = c.MergedIntoId,
        Origin = c.Origin,
        Acquisition = c.Acquisition is { } a ? new AcquisitionDto { Source = a.Source, Medium = a.Medium, Campaign = a.Campaign, Detail = a.Detail } : null,
        Name = c.Name is { } n ? new NameDto { DisplayName = n.DisplayName, GivenName = n.GivenName, FamilyName = n.FamilyName, SortName = n.SortName } : null,
        Emails = c.Emails.Select((e, i) => new EmailDto { Address = e.Address, NormalizedAddress = e.NormalizedAddress, Original = e.Original, IsPrimary = i == 0 }).ToList(),
        PhoneNumbers = c.PhoneNumbers.Select((p, i) => new PhoneDto { E164 = p.E164, Extension = p.Extension, Original = p.Original, RegionCode = p.RegionCode, IsPrimary = i == 0 }).ToList(),
        Birthday = c.Birthday is { } b ? new BirthdayDto { AnnualDate = b.AnnualDate, Year = b.Year, DateOfBirth = b.DateOfBirth } : null,
        Birthplace = c.Birthplace,
        PreferredLanguage = c.PreferredLanguage?.Value,
        TimeZone = c.TimeZone?.Id,
        Tags = [.. c.Tags],
        Attributes = c.Attributes.Select(kv => ToAttribute(kv.Key, kv.Value)).ToList(),
        ConsentHistory = c.ConsentHistory.Select(r => new ConsentRecordDto
        {
            Purpose = r.Purpose.Code,
            AddressKind = r.Address.Kind,
            Address = AddressOrNull(r.Address),
            Action = r.Action,
            Basis = r.Basis,
            RecordedAt = r.RecordedAt,
            Source = r.Source,
            AwaitsConfirmation = r.AwaitsConfirmation,
        }).ToList(),
        Consents = c.Consents.Select(s => new ConsentStateDto
        {
            Purpose = s.Purpose.Code,
            AddressKind = s.Address.Kind,
            Address = AddressOrNull(s.Address),
            Status = s.Status,
            Basis = s.Basis,
            GrantedAt = s.GrantedAt,
            ConfirmedAt = s.ConfirmedAt,
            WithdrawnAt = s.WithdrawnAt,
        }).ToList(),
        Stage = c.Stage,
        LifecycleHistory = c.LifecycleHistory.Select(t => new LifecycleTransitionDto
        {
            From = t.From,
            To = t.To,
            At = t.At,
            ChurnReasonCode = t.Reason?.Code,
            ChurnReasonNote = t.Reason?.Note,
        }).ToList(),
    };

    public static ReferralEdgeDto ToEdge(ContactId other, Referral referral)
        => new() { ContactId = other, ReferredAt = referral.ReferredAt, RequestId = referral.RequestId };

    public static ReferralRequestDto ToRequest(ReferralRequest r)
        => new() { Id = r.Id, AskedAt = r.AskedAt, Channel = r.Channel, Outcome = r.Outcome, AnsweredAt = r.AnsweredAt };

    private static AttributeDto ToAttribute(string name, CustomAttributeValue value) => new()
    {
        Name = name,
        Kind = value.Kind,
        Value = value.ToString(),
        Date = value.Kind == CustomAttributeKind.Date ? value.AsDate() : null,
        Amount = value.Kind == CustomAttributeKind.Money ? value.AsMoney().Amount : null,
        Currency = value.Kind == CustomAttributeKind.Money ? value.AsMoney().Currency.Value : null,
    };

    private static string? AddressOrNull(ConsentAddress address) => address.Value.Length == 0 ? null : address.Value;
}
