using Crm.Contacts.Acquisition;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using NodaTime;

namespace Crm.Contacts.Privacy;

/// <summary>Builds the erased snapshot of a contact: every personal value gone, the non-personal facts kept.</summary>
/// <remarks>
/// Kept: ids, tenant, created-at, status dates, record origin, acquisition source/medium/campaign, the lifecycle log
/// (stages, instants, churn reason codes) and the consent history's proof facts (purpose, address kind, action,
/// basis, instant, evidence reference, awaits-confirmation). Dropped: name, emails, phones, birthday, birthplace,
/// language, time zone, tags, every custom attribute, acquisition detail, consent addresses and churn notes.
/// </remarks>
internal static class ContactErasure
{
    /// <summary>The erased copy (same stamp; the caller versions it) and the names of the fields that held something.</summary>
    public static (Contact Erased, IReadOnlyList<string> ErasedItems) Erase(Contact contact, Instant now)
    {
        var items = new List<string>();
        void Note(bool held, string item)
        {
            if (held)
            {
                items.Add(item);
            }
        }

        Note(contact.Name is not null, nameof(Contact.Name));
        Note(contact.Emails.Count > 0, nameof(Contact.Emails));
        Note(contact.PhoneNumbers.Count > 0, nameof(Contact.PhoneNumbers));
        Note(contact.Birthday is not null, nameof(Contact.Birthday));
        Note(contact.Birthplace is not null, nameof(Contact.Birthplace));
        Note(contact.PreferredLanguage is not null, nameof(Contact.PreferredLanguage));
        Note(contact.TimeZone is not null, nameof(Contact.TimeZone));
        Note(contact.Tags.Count > 0, nameof(Contact.Tags));
        Note(contact.Attributes.Count > 0, nameof(Contact.Attributes));
        Note(contact.Acquisition?.Detail is not null, $"{nameof(Contact.Acquisition)}.{nameof(AcquisitionSource.Detail)}");
        Note(contact.ConsentHistory.Any(r => r.Address.Value.Length > 0), $"{nameof(Contact.ConsentHistory)}.{nameof(ConsentRecord.Address)}");
        Note(contact.LifecycleHistory.Any(t => t.Reason?.Note is not null), $"{nameof(Contact.LifecycleHistory)}.{nameof(LifecycleTransition.Reason)}.{nameof(ChurnReason.Note)}");

        var acquisition = contact.Acquisition is { } a ? new AcquisitionSource(a.Source, a.Medium, a.Campaign) : null;
        var consentHistory = contact.ConsentHistory.Select(r => new ConsentRecord(
            r.Purpose, r.Address.WithoutAddress(), r.Action, r.Basis, r.RecordedAt, r.Source, r.AwaitsConfirmation));
        var lifecycle = contact.LifecycleHistory.Select(t => t.Reason is { Note: not null } reason
            ? new LifecycleTransition(t.From, t.To, t.At, new ChurnReason(reason.Code))
            : t);

        var erased = contact
            .WithName(null)
            .WithEmails([])
            .WithPhoneNumbers([])
            .WithBirthday(null)
            .WithBirthplace(null)
            .WithPreferredLanguage(null)
            .WithTimeZone(null)
            .WithTags([])
            .WithAttributes([])
            .WithAcquisition(acquisition)
            .WithConsentHistory(consentHistory)
            .WithLifecycleHistory(lifecycle)
            .AsErased(now);
        return (erased, items);
    }
}
