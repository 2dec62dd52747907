using Crm.Contacts.Acquisition;
using NodaTime;

namespace Crm.Contacts.Import;

/// <summary>Builds a new contact from a draft with the same rules as <see cref="ContactManager.CreateAsync"/>, naming the field that breaks a rule.</summary>
/// <remarks>Keep in step with <c>ContactManager.Build</c>: both apply a draft through <see cref="ContactEditor"/> in the same order.</remarks>
internal static class ContactDraftReader
{
    /// <summary>Builds the contact, or returns the failing field (e.g. <c>Emails[1]</c>) and the rule it breaks.</summary>
    public static bool TryRead(TenantId tenantId, ContactDraft draft, ContactOptions options, Instant now, RecordOrigin? origin, out Contact? contact, out string field, out string rule)
    {
        contact = null;
        field = string.Empty;
        rule = string.Empty;
        var step = "Draft";
        try
        {
            step = nameof(ContactDraft.IdempotencyKey);
            if (draft.IdempotencyKey is not null)
            {
                Storage.ContactIdempotencyKey.Validate(draft.IdempotencyKey, "draft.IdempotencyKey");
            }

            step = nameof(ContactDraft.InitialStage);
            var created = Contact.CreateNew(tenantId, ContactId.New(), origin ?? draft.Origin, draft.InitialStage, now);
            var editor = new ContactEditor(created, options, now);
            step = nameof(ContactDraft.Name);
            editor.SetName(draft.Name);
            step = nameof(ContactDraft.Emails);
            ArgumentNullException.ThrowIfNull(draft.Emails);
            for (var i = 0; i < draft.Emails.Count; i++)
            {
                step = $"{nameof(ContactDraft.Emails)}[{i}]";
                editor.AddEmail(draft.Emails[i] ?? throw new ArgumentException($"draft.Emails[{i}] must not be null.", "draft.Emails"));
            }

            step = nameof(ContactDraft.PhoneNumbers);
            ArgumentNullException.ThrowIfNull(draft.PhoneNumbers);
            for (var i = 0; i < draft.PhoneNumbers.Count; i++)
            {
                step = $"{nameof(ContactDraft.PhoneNumbers)}[{i}]";
                editor.AddPhoneNumber(draft.PhoneNumbers[i] ?? throw new ArgumentException($"draft.PhoneNumbers[{i}] must not be null.", "draft.PhoneNumbers"));
            }

            step = nameof(ContactDraft.Birthday);
            editor.SetBirthday(draft.Birthday);
            step = nameof(ContactDraft.Birthplace);
            editor.SetBirthplace(draft.Birthplace);
            step = nameof(ContactDraft.PreferredLanguage);
            editor.SetPreferredLanguage(draft.PreferredLanguage);
            step = nameof(ContactDraft.TimeZoneId);
            editor.SetTimeZone(draft.TimeZoneId);
            step = nameof(ContactDraft.Tags);
            ArgumentNullException.ThrowIfNull(draft.Tags);
            for (var i = 0; i < draft.Tags.Count; i++)
            {
                step = $"{nameof(ContactDraft.Tags)}[{i}]";
                editor.AddTag(draft.Tags[i]);
            }

            step = nameof(ContactDraft.Attributes);
            ArgumentNullException.ThrowIfNull(draft.Attributes);
            foreach (var (name, value) in draft.Attributes)
            {
                step = $"{nameof(ContactDraft.Attributes)}[{name}]";
                editor.SetAttribute(name, value);
            }

            step = nameof(ContactDraft.Acquisition);
            editor.SetAcquisition(draft.Acquisition);
            contact = editor.Current;
            return true;
        }
        catch (ArgumentException ex)
        {
            field = step;
            rule = RuleOf(ex);
            return false;
        }
    }

    /// <summary>Builds the contact or throws <see cref="ArgumentException"/> naming the field and the rule.</summary>
    public static Contact Read(TenantId tenantId, ContactDraft draft, ContactOptions options, Instant now)
        => TryRead(tenantId, draft, options, now, null, out var contact, out var field, out var rule)
            ? contact!
            : throw new ArgumentException($"ContactDraft.{field}: {rule}", nameof(draft));

    /// <summary>The exception's message without the " (Parameter '…')" suffix the BCL appends.</summary>
    private static string RuleOf(ArgumentException ex)
    {
        var message = ex.Message;
        if (ex.ParamName is { } name)
        {
            var suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }
        }

        return message;
    }
}
