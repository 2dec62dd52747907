using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Profile;

namespace Crm.Contacts;

/// <summary>The input of <see cref="ContactManager.CreateAsync"/>: everything a new contact starts with.</summary>
/// <remarks>
/// Raw inputs (emails, phones, language, time zone, tags) are validated by the manager with the same rules as
/// <see cref="ContactEditor"/>; phone numbers in national format use <see cref="ContactOptions.DefaultPhoneRegion"/>.
/// The first email and phone are the primary ones.
/// </remarks>
public sealed class ContactDraft
{
    /// <summary>How the record enters the system. Default <see cref="RecordOrigin.Api"/>.</summary>
    public RecordOrigin Origin { get; init; } = RecordOrigin.Api;

    /// <summary>Where the person came from in marketing terms, when known.</summary>
    public AcquisitionSource? Acquisition { get; init; }

    /// <summary>The lifecycle stage the contact starts in (Lead, Prospect, Customer, RepeatCustomer or Advocate). Default <see cref="LifecycleStage.Lead"/>.</summary>
    public LifecycleStage InitialStage { get; init; } = LifecycleStage.Lead;

    /// <summary>An optional client-chosen key: a repeated create with the same key returns the first contact instead of creating another.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The name.</summary>
    public PersonName? Name { get; init; }

    /// <summary>The email addresses as entered, primary first.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>The phone numbers as entered (international, or national in the default region), primary first.</summary>
    public IReadOnlyList<string> PhoneNumbers { get; init; } = [];

    /// <summary>The birthday.</summary>
    public Birthday? Birthday { get; init; }

    /// <summary>The birthplace.</summary>
    public string? Birthplace { get; init; }

    /// <summary>The preferred language as a BCP-47 tag.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>The IANA time zone id (e.g. <c>Europe/Paris</c>).</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The custom attributes by name.</summary>
    public IReadOnlyDictionary<string, CustomAttributeValue> Attributes { get; init; } = new Dictionary<string, CustomAttributeValue>();

    /// <summary>The origin, stage and how many values of each kind the draft holds; never the values (they are personal data).</summary>
    public override string ToString() => $"ContactDraft ({Origin}, {InitialStage}, name {(Name is null ? "absent" : "set")}, {Emails?.Count ?? 0} email(s), {PhoneNumbers?.Count ?? 0} phone(s), {Tags?.Count ?? 0} tag(s), {Attributes?.Count ?? 0} attribute(s))";
}
