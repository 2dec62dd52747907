using System.Text;
using Crm.Contacts;
using Crm.Contacts.Attributes;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Serialization;
using Crm.EntityFrameworkCore.Entities;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>Turns a contact into its row (queryable columns + the versioned JSON document) and child rows, and back.</summary>
internal static class ContactRows
{
    public static ContactRow ToRow(Contact contact)
    {
        var name = contact.Name;
        var birthday = contact.Birthday;
        return new ContactRow
        {
            TenantId = contact.TenantId,
            Id = contact.Id,
            Stamp = contact.ConcurrencyStamp,
            Status = contact.Status.ToString(),
            MergedIntoId = contact.MergedIntoId,
            StatusChangedAt = contact.StatusChangedAt,
            Stage = contact.Stage.ToString(),
            StageEnteredAt = contact.LifecycleHistory[^1].At,
            Origin = contact.Origin.ToString(),
            DisplayName = name?.DisplayName,
            GivenName = name?.GivenName,
            FamilyName = name?.FamilyName,
            SortName = name?.SortName,
            NormalizedName = DuplicateKeys.NormalizeText(name?.DisplayName),
            PrimaryEmail = contact.PrimaryEmail?.NormalizedAddress,
            PrimaryPhone = contact.PrimaryPhoneNumber?.E164,
            BirthDate = birthday?.DateOfBirth,
            BirthMonth = birthday?.Month,
            BirthDay = birthday?.Day,
            PreferredLanguage = contact.PreferredLanguage?.Value,
            TimeZone = contact.TimeZone?.Id,
            AcquisitionSource = contact.Acquisition?.Source,
            AcquisitionMedium = contact.Acquisition?.Medium,
            AcquisitionCampaign = contact.Acquisition?.Campaign,
            CreatedAt = contact.CreatedAt,
            UpdatedAt = contact.UpdatedAt,
            FormatVersion = ContactSerializer.CurrentFormatVersion,
            Document = Encoding.UTF8.GetString(ContactSerializer.SerializeToUtf8Bytes(contact)),
        };
    }

    /// <summary>Rebuilds the contact from its document, re-validated by <see cref="ContactSerializer"/>.</summary>
    public static Contact FromDocument(string document) => ContactSerializer.Deserialize(Encoding.UTF8.GetBytes(document));

    /// <summary>Every child row of the contact (emails, phones, tags, attributes, lifecycle log, duplicate keys when active).</summary>
    public static IEnumerable<object> Children(Contact contact)
    {
        var tenant = contact.TenantId;
        var id = contact.Id;
        for (var i = 0; i < contact.Emails.Count; i++)
        {
            var email = contact.Emails[i];
            yield return new ContactEmailRow { TenantId = tenant, ContactId = id, Position = i, Address = email.Address, NormalizedAddress = email.NormalizedAddress, Domain = email.Domain };
        }

        for (var i = 0; i < contact.PhoneNumbers.Count; i++)
        {
            var phone = contact.PhoneNumbers[i];
            yield return new ContactPhoneRow { TenantId = tenant, ContactId = id, Position = i, E164 = phone.E164, Extension = phone.Extension };
        }

        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in contact.Tags)
        {
            var normalized = tag.ToLowerInvariant();
            if (tags.Add(normalized))
            {
                yield return new ContactTagRow { TenantId = tenant, ContactId = id, Tag = tag, NormalizedTag = normalized };
            }
        }

        foreach (var (name, value) in contact.Attributes)
        {
            var row = new ContactAttributeRow { TenantId = tenant, ContactId = id, Name = name.ToLowerInvariant(), Kind = value.Kind.ToString() };
            switch (value.Kind)
            {
                case CustomAttributeKind.Text: row.TextValue = value.AsText(); break;
                case CustomAttributeKind.Number: row.NumberValue = value.AsNumber(); break;
                case CustomAttributeKind.Boolean: row.BooleanValue = value.AsBoolean(); break;
                case CustomAttributeKind.Date: row.DateValue = value.AsDate(); break;
                case CustomAttributeKind.Money:
                    var money = value.AsMoney();
                    row.NumberValue = money.Amount;
                    row.Currency = money.Currency;
                    break;
                default: break;
            }

            yield return row;
        }

        for (var i = 0; i < contact.LifecycleHistory.Count; i++)
        {
            var step = contact.LifecycleHistory[i];
            yield return new ContactLifecycleRow
            {
                TenantId = tenant, ContactId = id, Position = i, FromStage = step.From?.ToString(), ToStage = step.To.ToString(), At = step.At, Reason = step.Reason?.ToString(),
            };
        }

        if (contact.Status == ContactStatus.Active)
        {
            foreach (var key in DuplicateKeys.For(contact))
            {
                yield return new DuplicateKeyRow { TenantId = tenant, Criterion = key.Criterion.Name, Value = key.Value, ContactId = id };
            }
        }
    }
}
