using System.Text.Json;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Profile;
using Crm.Contacts.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Serialization;

/// <summary>Turns a <see cref="Contact"/> into a versioned JSON document and back, losslessly, so that a host's store can persist contacts with the public API only.</summary>
/// <remarks>
/// <para>The document (UTF-8 JSON, camelCase, NodaTime values in ISO form) starts with <c>"formatVersion": 1</c> and holds
/// every piece of state of the contact: tenant, id, concurrency stamp, timestamps, status, origin, acquisition, profile,
/// tags, custom attributes, the consent history (erased addresses included) and the lifecycle log. Derived values
/// (<see cref="Contact.Stage"/>, <see cref="Contact.Consents"/>, primary email and phone) are recomputed on reading.</para>
/// <para>Reading rebuilds the contact through the same validation as the model: emails and phone numbers are parsed again
/// and must come back identical to the stored forms, time zones are resolved in <see cref="DateTimeZoneProviders.Tzdb"/>,
/// the lifecycle log must be a valid walk of the transition table, and so on. A document that breaks any rule, has an
/// unknown member, misses a member or carries another format version throws <see cref="ContactFormatException"/>; a
/// partly rebuilt contact is never returned.</para>
/// <para>A typical relational store keeps the document in one column and copies the values it queries (tenant, id, stamp,
/// status, normalized emails) into indexed columns beside it.</para>
/// </remarks>
public static class ContactSerializer
{
    /// <summary>The format version this version of the library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    private const string FormatVersionProperty = "formatVersion";

    private static readonly ContactsJsonContext Context = new(CreateOptions());

    /// <summary>Serializes <paramref name="contact"/> to a UTF-8 JSON document in the current format version.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public static byte[] SerializeToUtf8Bytes(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return JsonSerializer.SerializeToUtf8Bytes(ToDocument(contact), Context.ContactDocumentDto);
    }

    /// <summary>Rebuilds a contact from a document written by <see cref="SerializeToUtf8Bytes"/>.</summary>
    /// <exception cref="ContactFormatException">The document is malformed, has another format version, misses or adds a member, or holds a value that breaks a rule of the model; the message names the field and the rule.</exception>
    public static Contact Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var version = ReadFormatVersion(utf8Json);
        if (version != CurrentFormatVersion)
        {
            throw new ContactFormatException(
                $"Contact document field 'formatVersion' must be {CurrentFormatVersion} (was {version}); this version of Crm.Contacts cannot read other format versions.");
        }

        ContactDocumentDto? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, Context.ContactDocumentDto);
        }
        catch (JsonException ex)
        {
            throw new ContactFormatException($"Contact document is malformed: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // NodaTime's converters throw their own exceptions (whose messages may quote the value): name no value.
            throw new ContactFormatException("Contact document is malformed: a date, time or instant is not in the expected ISO form.", ex);
        }

        return document is null
            ? throw new ContactFormatException("Contact document must be a JSON object (was null).")
            : Rebuild(document);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = ContactsJsonContext.CreateOptions();
        options.RespectNullableAnnotations = true;
        return options;
    }

    private static int ReadFormatVersion(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ContactFormatException("Contact document must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals(FormatVersionProperty);
                reader.Read();
                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version)
                        ? version
                        : throw new ContactFormatException("Contact document field 'formatVersion' must be an integer.");
                }

                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            throw new ContactFormatException($"Contact document is malformed: {ex.Message}", ex);
        }

        throw new ContactFormatException("Contact document must have the field 'formatVersion'.");
    }

    private static ContactDocumentDto ToDocument(Contact c) => new()
    {
        FormatVersion = CurrentFormatVersion,
        TenantId = c.TenantId,
        Id = c.Id,
        ConcurrencyStamp = c.ConcurrencyStamp,
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
        Status = c.Status,
        MergedIntoId = c.MergedIntoId,
        StatusChangedAt = c.StatusChangedAt,
        Origin = c.Origin,
        Acquisition = c.Acquisition is { } a ? new StoredAcquisitionDto { Source = a.Source, Medium = a.Medium, Campaign = a.Campaign, Detail = a.Detail } : null,
        Name = c.Name is { } n
            ? new StoredNameDto { DisplayName = n.DisplayName, GivenName = n.GivenName, FamilyName = n.FamilyName, SortName = n.HasExplicitSortName ? n.SortName : null }
            : null,
        Emails = [.. c.Emails.Select(e => new StoredEmailDto { Original = e.Original, Address = e.Address, NormalizedAddress = e.NormalizedAddress })],
        PhoneNumbers = [.. c.PhoneNumbers.Select(p => new StoredPhoneDto { Original = p.Original, E164 = p.E164, Extension = p.Extension, RegionCode = p.RegionCode })],
        Birthday = c.Birthday is { } b ? new StoredBirthdayDto { Month = b.Month, Day = b.Day, Year = b.Year } : null,
        Birthplace = c.Birthplace,
        PreferredLanguage = c.PreferredLanguage?.Value,
        TimeZone = c.TimeZone?.Id,
        Tags = [.. c.Tags],
        Attributes = [.. c.Attributes.Select(kv => ToAttribute(kv.Key, kv.Value))],
        ConsentHistory = [.. c.ConsentHistory.Select(r => new StoredConsentRecordDto
        {
            Purpose = r.Purpose.Code,
            AddressKind = r.Address.Kind,
            Address = r.Address.Kind == ConsentAddressKind.AnyAddress || r.Address.IsErased ? null : r.Address.Value,
            Action = r.Action,
            Basis = r.Basis,
            RecordedAt = r.RecordedAt,
            Source = r.Source,
            AwaitsConfirmation = r.AwaitsConfirmation,
        })],
        LifecycleHistory = [.. c.LifecycleHistory.Select(t => new StoredLifecycleTransitionDto
        {
            From = t.From,
            To = t.To,
            At = t.At,
            Reason = t.Reason is { } r ? new StoredChurnReasonDto { Code = r.Code, Note = r.Note } : null,
        })],
    };

    private static StoredAttributeDto ToAttribute(string name, CustomAttributeValue value) => value.Kind switch
    {
        CustomAttributeKind.Text => new() { Name = name, Kind = value.Kind, Text = value.AsText() },
        CustomAttributeKind.Number => new() { Name = name, Kind = value.Kind, Number = value.AsNumber() },
        CustomAttributeKind.Boolean => new() { Name = name, Kind = value.Kind, Boolean = value.AsBoolean() },
        CustomAttributeKind.Date => new() { Name = name, Kind = value.Kind, Date = value.AsDate() },
        CustomAttributeKind.Money => new() { Name = name, Kind = value.Kind, Amount = value.AsMoney().Amount, Currency = value.AsMoney().Currency.Value },
        _ => throw new InvalidOperationException($"Custom attribute kind {value.Kind} has no stored form."),
    };

    private static Contact Rebuild(ContactDocumentDto d)
    {
        var field = "id";
        try
        {
            var contact = new Contact(d.TenantId, d.Id, d.ConcurrencyStamp, d.CreatedAt);
            field = "updatedAt";
            contact = contact.WithStoredVersion(d.ConcurrencyStamp, d.UpdatedAt);
            field = "origin";
            contact = contact.WithOrigin(d.Origin);
            field = "lifecycleHistory";
            contact = contact.WithLifecycleHistory(Items(d.LifecycleHistory, field).Select(t => new LifecycleTransition(
                t.From, t.To, t.At, t.Reason is { } r ? new ChurnReason(r.Code, r.Note) : null)));
            field = "acquisition";
            contact = contact.WithAcquisition(d.Acquisition is { } a ? new AcquisitionSource(a.Source, a.Medium, a.Campaign, a.Detail) : null);
            field = "name";
            contact = contact.WithName(d.Name is { } n ? new PersonName(n.DisplayName, n.GivenName, n.FamilyName, n.SortName) : null);
            field = "emails";
            contact = contact.WithEmails(Items(d.Emails, field).Select((e, i) => RestoreEmail(e, $"emails[{i}]")).ToList());
            field = "phoneNumbers";
            contact = contact.WithPhoneNumbers(Items(d.PhoneNumbers, field).Select((p, i) => RestorePhone(p, $"phoneNumbers[{i}]")).ToList());
            field = "birthday";
            contact = contact.WithBirthday(d.Birthday is { } b ? new Birthday(b.Month, b.Day, b.Year) : null);
            field = "birthplace";
            contact = contact.WithBirthplace(d.Birthplace);
            field = "preferredLanguage";
            contact = contact.WithPreferredLanguage(RestoreLanguage(d.PreferredLanguage));
            field = "timeZone";
            contact = contact.WithTimeZone(RestoreTimeZone(d.TimeZone));
            field = "tags";
            contact = contact.WithTags(Items(d.Tags, field));
            field = "attributes";
            contact = contact.WithAttributes(Items(d.Attributes, field)
                .Select((x, i) => KeyValuePair.Create(x.Name, RestoreAttribute(x, $"attributes[{i}]"))).ToList());
            field = "consentHistory";
            contact = contact.WithConsentHistory(Items(d.ConsentHistory, field).Select((r, i) => RestoreConsent(r, $"consentHistory[{i}]")).ToList());
            field = "status";
            return RestoreStatus(contact, d);
        }
        catch (ArgumentException ex)
        {
            throw new ContactFormatException($"Contact document field '{field}' is invalid: {RuleOf(ex)}", ex);
        }
    }

    private static Contact RestoreStatus(Contact contact, ContactDocumentDto d)
    {
        switch (d.Status)
        {
            case ContactStatus.Active when d.MergedIntoId is null && d.StatusChangedAt is null:
                return contact;
            case ContactStatus.Active:
                throw new ContactFormatException("Contact document fields 'mergedIntoId' and 'statusChangedAt' must be null when 'status' is Active.");
            case ContactStatus.Merged when d.MergedIntoId is { } target && d.StatusChangedAt is { } mergedAt:
                return contact.AsMerged(target, mergedAt);
            case ContactStatus.Merged:
                throw new ContactFormatException("Contact document fields 'mergedIntoId' and 'statusChangedAt' are required when 'status' is Merged.");
            case ContactStatus.Erased when d.MergedIntoId is null && d.StatusChangedAt is { } erasedAt:
                return contact.AsErased(erasedAt);
            case ContactStatus.Erased:
                throw new ContactFormatException("Contact document field 'statusChangedAt' is required and 'mergedIntoId' must be null when 'status' is Erased.");
            default:
                throw new ContactFormatException("Contact document field 'status' must be a defined ContactStatus.");
        }
    }

    private static List<T> Items<T>(List<T> items, string field)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ContactFormatException($"Contact document field '{field}[{i}]' must not be null.");
            }
        }

        return items;
    }

    private static EmailAddress RestoreEmail(StoredEmailDto stored, string field)
    {
        if (EmailAddress.Validate(stored.Original) is { } rule)
        {
            throw new ContactFormatException($"Contact document field '{field}.original' is invalid: {rule}");
        }

        var email = EmailAddress.Parse(stored.Original);
        return string.Equals(email.Address, stored.Address, StringComparison.Ordinal)
               && string.Equals(email.NormalizedAddress, stored.NormalizedAddress, StringComparison.Ordinal)
            ? email
            : throw new ContactFormatException($"Contact document fields '{field}.address' and '{field}.normalizedAddress' must be the forms EmailAddress derives from '{field}.original'.");
    }

    private static PhoneNumber RestorePhone(StoredPhoneDto stored, string field)
    {
        if (PhoneNumber.TryRestore(stored.E164, stored.Extension, stored.Original, out var phone) is { } rule)
        {
            throw new ContactFormatException($"Contact document field '{field}' is invalid: {rule}.");
        }

        return string.Equals(phone.RegionCode, stored.RegionCode, StringComparison.Ordinal)
            ? phone
            : throw new ContactFormatException($"Contact document field '{field}.regionCode' must be the region of '{field}.e164'.");
    }

    private static LanguageTag? RestoreLanguage(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        return LanguageTag.TryParse(stored, out var tag) && string.Equals(tag.Value, stored, StringComparison.Ordinal)
            ? tag
            : throw new ContactFormatException("Contact document field 'preferredLanguage' must be a BCP 47 language tag in normalized form.");
    }

    private static DateTimeZone? RestoreTimeZone(string? id)
        => id is null
            ? null
            : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
              ?? throw new ContactFormatException($"Contact document field 'timeZone' must be an IANA time zone id known to the TZDB provider (version {DateTimeZoneProviders.Tzdb.VersionId}).");

    private static CustomAttributeValue RestoreAttribute(StoredAttributeDto x, string field)
    {
        var value = x.Kind switch
        {
            CustomAttributeKind.Text when x.Text is { } text && x is { Number: null, Boolean: null, Date: null, Amount: null, Currency: null }
                => CustomAttributeValue.Text(text),
            CustomAttributeKind.Number when x.Number is { } number && x is { Text: null, Boolean: null, Date: null, Amount: null, Currency: null }
                => CustomAttributeValue.Number(number),
            CustomAttributeKind.Boolean when x.Boolean is { } flag && x is { Text: null, Number: null, Date: null, Amount: null, Currency: null }
                => CustomAttributeValue.Boolean(flag),
            CustomAttributeKind.Date when x.Date is { } date && x is { Text: null, Number: null, Boolean: null, Amount: null, Currency: null }
                => CustomAttributeValue.Date(date),
            CustomAttributeKind.Money when x.Amount is { } amount && x.Currency is { } currency && x is { Text: null, Number: null, Boolean: null, Date: null }
                => CustomAttributeValue.Money(new Money(amount, new CurrencyCode(currency))),
            _ => (CustomAttributeValue?)null,
        };
        return value ?? throw new ContactFormatException(
            $"Contact document field '{field}' must have a defined 'kind' and exactly the value member(s) of that kind (text, number, boolean, date, or amount and currency).");
    }

    private static ConsentRecord RestoreConsent(StoredConsentRecordDto r, string field)
    {
        if (ConsentAddress.TryRestore(r.AddressKind, r.Address, out var address) is { } rule)
        {
            throw new ContactFormatException($"Contact document field '{field}.address' is invalid: {rule}.");
        }

        return new ConsentRecord(new ConsentPurpose(r.Purpose), address, r.Action, r.Basis, r.RecordedAt, r.Source, r.AwaitsConfirmation);
    }

    // An ArgumentOutOfRangeException's message ends with the actual value, which may be personal data: keep the rule only.
    private static string RuleOf(ArgumentException ex)
        => ex is ArgumentOutOfRangeException && ex.Message.IndexOf(Environment.NewLine, StringComparison.Ordinal) is var cut and > 0
            ? ex.Message[..cut]
            : ex.Message;
}
