using System.Collections.Immutable;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Contacts.Storage;
using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts;

/// <summary>A customer profile: an immutable snapshot of one contact in one tenant.</summary>
/// <remarks>
/// <para>Contacts are changed through <c>ContactManager</c>, which produces a new snapshot with a new
/// <see cref="ConcurrencyStamp"/> and stores it only if nobody else changed the contact in between. A snapshot never
/// changes after it is created, so it can be shared between threads and cached freely.</para>
/// <para>Members that hold personal data carry <see cref="PersonalDataAttribute"/>; privacy export and erasure are driven
/// by it. The consent history (<see cref="ConsentHistory"/>) and the lifecycle log (<see cref="LifecycleHistory"/>) are
/// append-only: current consent and stage are derived from them.</para>
/// </remarks>
public sealed class Contact
{
    private static readonly ImmutableSortedDictionary<string, CustomAttributeValue> EmptyAttributes
        = ImmutableSortedDictionary.Create<string, CustomAttributeValue>(AttributeKeys.Comparer);

    internal Contact(TenantId tenantId, ContactId id, ConcurrencyStamp concurrencyStamp, Instant createdAt)
        : this(tenantId, id, concurrencyStamp, createdAt, RecordOrigin.Api, LifecycleStage.Lead)
    {
    }

    private Contact(TenantId tenantId, ContactId id, ConcurrencyStamp concurrencyStamp, Instant createdAt, RecordOrigin origin, LifecycleStage initialStage)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(id);
        if (concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("A contact's ConcurrencyStamp must not be empty.", nameof(concurrencyStamp));
        }

        TenantId = tenantId;
        Id = id;
        ConcurrencyStamp = concurrencyStamp;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Origin = origin;
        LifecycleHistory = ImmutableArray.Create(new LifecycleTransition(null, initialStage, createdAt));
    }

    /// <summary>The tenant that owns the contact.</summary>
    public TenantId TenantId { get; }

    /// <summary>The contact's id, unique within its tenant.</summary>
    public ContactId Id { get; }

    /// <summary>The version of this snapshot; it changes on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; private set; }

    /// <summary>When the contact was created (after a merge, the earliest creation of the merged contacts).</summary>
    public Instant CreatedAt { get; private set; }

    /// <summary>When the contact was last changed (equal to <see cref="CreatedAt"/> until the first change).</summary>
    public Instant UpdatedAt { get; private set; }

    /// <summary>Whether the contact is active, merged or erased.</summary>
    public ContactStatus Status { get; private set; }

    /// <summary>The contact this one was merged into, when <see cref="Status"/> is <see cref="ContactStatus.Merged"/>.</summary>
    public ContactId? MergedIntoId { get; private set; }

    /// <summary>When <see cref="Status"/> last changed, or <see langword="null"/> while the contact has always been active.</summary>
    public Instant? StatusChangedAt { get; private set; }

    /// <summary>How the record entered the system (manual entry, API, import).</summary>
    public RecordOrigin Origin { get; private set; }

    /// <summary>Where the person came from in marketing terms, when known.</summary>
    public AcquisitionSource? Acquisition { get; private set; }

    /// <summary>The person's name, when known.</summary>
    [PersonalData]
    public PersonName? Name { get; private set; }

    /// <summary>The email addresses, primary first, without duplicates (by normalized form).</summary>
    [PersonalData]
    public IReadOnlyList<EmailAddress> Emails { get; private set; } = ImmutableArray<EmailAddress>.Empty;

    /// <summary>The primary (first) email address, or <see langword="null"/> when there is none.</summary>
    [PersonalData]
    public EmailAddress? PrimaryEmail => Emails.Count > 0 ? Emails[0] : null;

    /// <summary>The phone numbers, primary first, without duplicates (by E.164 form and extension).</summary>
    [PersonalData]
    public IReadOnlyList<PhoneNumber> PhoneNumbers { get; private set; } = ImmutableArray<PhoneNumber>.Empty;

    /// <summary>The primary (first) phone number, or <see langword="null"/> when there is none.</summary>
    [PersonalData]
    public PhoneNumber? PrimaryPhoneNumber => PhoneNumbers.Count > 0 ? PhoneNumbers[0] : null;

    /// <summary>The birthday, when known.</summary>
    [PersonalData]
    public Birthday? Birthday { get; private set; }

    /// <summary>Where the person was born (a place name as given), when known.</summary>
    [PersonalData]
    public string? Birthplace { get; private set; }

    /// <summary>The language the person prefers to be addressed in, when known.</summary>
    [PersonalData]
    public LanguageTag? PreferredLanguage { get; private set; }

    /// <summary>The person's IANA time zone, when known; use it to place their local dates (birthday, send times).</summary>
    [PersonalData]
    public DateTimeZone? TimeZone { get; private set; }

    /// <summary>The tags, a case-insensitive set sorted case-insensitively; each tag keeps the casing it was first added with.</summary>
    [PersonalData]
    public IReadOnlySet<string> Tags { get; private set; } = TagRules.EmptySet;

    /// <summary>The host-defined custom attributes by name (names compare case-insensitively).</summary>
    [PersonalData]
    public IReadOnlyDictionary<string, CustomAttributeValue> Attributes { get; private set; } = EmptyAttributes;

    /// <summary>Every consent grant, confirmation and withdrawal ever recorded, oldest first (append-only).</summary>
    [PersonalData]
    public IReadOnlyList<ConsentRecord> ConsentHistory { get; private set; } = ImmutableArray<ConsentRecord>.Empty;

    /// <summary>The current state of every consent that has a history, in order of first record.</summary>
    [PersonalData]
    public IReadOnlyList<ConsentState> Consents => ConsentState.DeriveAll(ConsentHistory);

    /// <summary>The current lifecycle stage (the target of the last entry of <see cref="LifecycleHistory"/>).</summary>
    public LifecycleStage Stage => LifecycleHistory[^1].To;

    /// <summary>Every lifecycle stage the contact entered, oldest first (append-only); the first entry is the creation stage.</summary>
    [PersonalData]
    public IReadOnlyList<LifecycleTransition> LifecycleHistory { get; private set; }

    /// <summary>The current state of the consent for <paramref name="purpose"/> at exactly <paramref name="address"/>.</summary>
    public ConsentState GetConsent(ConsentPurpose purpose, ConsentAddress address) => ConsentState.Derive(ConsentHistory, purpose, address);

    /// <summary>Whether processing for <paramref name="purpose"/> at <paramref name="address"/> is allowed now.</summary>
    /// <remarks>
    /// The consent recorded for the specific address decides when it has any history (so a withdrawal at one address
    /// wins over a contact-wide grant); otherwise the contact-wide consent (<see cref="ConsentAddress.Any"/>) decides.
    /// </remarks>
    public bool IsConsentGiven(ConsentPurpose purpose, ConsentAddress address)
    {
        var specific = GetConsent(purpose, address);
        if (specific.Status != ConsentStatus.NotGiven || address.Kind == ConsentAddressKind.AnyAddress)
        {
            return specific.IsGiven;
        }

        return GetConsent(purpose, ConsentAddress.Any).IsGiven;
    }

    /// <summary>When the contact last entered <paramref name="stage"/>, or <see langword="null"/> if it never did.</summary>
    public Instant? EnteredStageAt(LifecycleStage stage)
    {
        for (var i = LifecycleHistory.Count - 1; i >= 0; i--)
        {
            if (LifecycleHistory[i].To == stage)
            {
                return LifecycleHistory[i].At;
            }
        }

        return null;
    }

    /// <summary>Creates a new active contact in <paramref name="initialStage"/>.</summary>
    internal static Contact CreateNew(TenantId tenantId, ContactId id, RecordOrigin origin, LifecycleStage initialStage, Instant now)
    {
        if (!Enum.IsDefined(origin))
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, "RecordOrigin must be a defined value.");
        }

        if (!LifecycleRules.IsValidInitialStage(initialStage))
        {
            throw new ArgumentOutOfRangeException(nameof(initialStage), initialStage, "A contact must be created in Lead, Prospect, Customer, RepeatCustomer or Advocate.");
        }

        return new Contact(tenantId, id, ConcurrencyStamp.New(), now, origin, initialStage);
    }

    // Copy methods. Each returns a copy with one part replaced and the SAME stamp; a writer applies its changes and
    // then calls WithNewVersion once, so a change set carries a new stamp. They enforce the model's invariants.

    /// <summary>A copy with a new stamp and <see cref="UpdatedAt"/> set to <paramref name="now"/>.</summary>
    internal Contact WithNewVersion(Instant now)
    {
        var copy = Copy();
        copy.ConcurrencyStamp = ConcurrencyStamp.New();
        copy.UpdatedAt = now < CreatedAt ? CreatedAt : now;
        return copy;
    }

    /// <summary>A copy with a stored stamp and <see cref="UpdatedAt"/> (rebuilding a stored contact); UpdatedAt must not be before CreatedAt.</summary>
    internal Contact WithStoredVersion(ConcurrencyStamp concurrencyStamp, Instant updatedAt)
    {
        if (concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("A contact's ConcurrencyStamp must not be empty.", nameof(concurrencyStamp));
        }

        return updatedAt < CreatedAt
            ? throw new ArgumentOutOfRangeException(nameof(updatedAt), updatedAt, "A contact's UpdatedAt must not be before its CreatedAt.")
            : Copy(c =>
            {
                c.ConcurrencyStamp = concurrencyStamp;
                c.UpdatedAt = updatedAt;
            });
    }

    internal Contact WithName(PersonName? name) => Copy(c => c.Name = name);

    internal Contact WithEmails(IEnumerable<EmailAddress> emails)
    {
        var list = emails.ToImmutableArray();
        var seen = new HashSet<EmailAddress>();
        foreach (var email in list)
        {
            if (email.IsEmpty)
            {
                throw new ArgumentException("A contact's email addresses must not contain default(EmailAddress).", nameof(emails));
            }

            if (!seen.Add(email))
            {
                throw new ArgumentException("A contact's email addresses must be distinct (compared by normalized form).", nameof(emails));
            }
        }

        return Copy(c => c.Emails = list);
    }

    internal Contact WithPhoneNumbers(IEnumerable<PhoneNumber> phoneNumbers)
    {
        var list = phoneNumbers.ToImmutableArray();
        var seen = new HashSet<PhoneNumber>();
        foreach (var phone in list)
        {
            if (phone.IsEmpty)
            {
                throw new ArgumentException("A contact's phone numbers must not contain default(PhoneNumber).", nameof(phoneNumbers));
            }

            if (!seen.Add(phone))
            {
                throw new ArgumentException("A contact's phone numbers must be distinct (compared by E.164 form and extension).", nameof(phoneNumbers));
            }
        }

        return Copy(c => c.PhoneNumbers = list);
    }

    internal Contact WithBirthday(Birthday? birthday)
    {
        if (birthday is { IsEmpty: true })
        {
            throw new ArgumentException("default(Birthday) is not a birthday; pass null to clear it.", nameof(birthday));
        }

        return Copy(c => c.Birthday = birthday);
    }

    internal Contact WithBirthplace(string? birthplace)
        => Copy(c => c.Birthplace = TextRules.OptionalText(birthplace, 200, "Birthplace", nameof(birthplace)));

    internal Contact WithPreferredLanguage(LanguageTag? language)
    {
        if (language is { IsEmpty: true })
        {
            throw new ArgumentException("default(LanguageTag) is not a language; pass null to clear it.", nameof(language));
        }

        return Copy(c => c.PreferredLanguage = language);
    }

    internal Contact WithTimeZone(DateTimeZone? timeZone) => Copy(c => c.TimeZone = timeZone);

    internal Contact WithTags(IEnumerable<string> tags)
    {
        var builder = TagRules.EmptySet.ToBuilder();
        foreach (var tag in tags)
        {
            builder.Add(TagRules.Normalize(tag, nameof(tags)));
        }

        return Copy(c => c.Tags = builder.ToImmutable());
    }

    internal Contact WithAttributes(IEnumerable<KeyValuePair<string, CustomAttributeValue>> attributes)
    {
        var builder = EmptyAttributes.ToBuilder();
        foreach (var (key, value) in attributes)
        {
            var name = AttributeKeys.Validate(key, nameof(attributes));
            if (value.IsEmpty)
            {
                throw new ArgumentException("A custom attribute must have a value: default(CustomAttributeValue) is empty.", nameof(attributes));
            }

            if (!builder.TryAdd(name, value))
            {
                throw new ArgumentException("Custom attribute names must be distinct (compared case-insensitively).", nameof(attributes));
            }
        }

        return Copy(c => c.Attributes = builder.ToImmutable());
    }

    internal Contact WithAcquisition(AcquisitionSource? acquisition) => Copy(c => c.Acquisition = acquisition);

    internal Contact WithOrigin(RecordOrigin origin)
        => Enum.IsDefined(origin)
            ? Copy(c => c.Origin = origin)
            : throw new ArgumentOutOfRangeException(nameof(origin), origin, "RecordOrigin must be a defined value.");

    /// <summary>A copy with <paramref name="record"/> appended to the consent history.</summary>
    internal Contact WithConsentRecorded(ConsentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Copy(c => c.ConsentHistory = ConsentHistory.ToImmutableArray().Add(record));
    }

    /// <summary>A copy with the whole consent history replaced (merge, erasure); entries must be in time order.</summary>
    internal Contact WithConsentHistory(IEnumerable<ConsentRecord> history)
    {
        var list = history.ToImmutableArray();
        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].RecordedAt < list[i - 1].RecordedAt)
            {
                throw new ArgumentException("A consent history must be in the order the entries were recorded.", nameof(history));
            }
        }

        return Copy(c => c.ConsentHistory = list);
    }

    /// <summary>A copy that entered <paramref name="transition"/>.To; the transition must start from the current stage and be allowed.</summary>
    internal Contact WithStageChange(LifecycleTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.From != Stage || !LifecycleRules.IsAllowed(Stage, transition.To))
        {
            throw new IllegalLifecycleTransitionException(Id, Stage, transition.To);
        }

        return Copy(c => c.LifecycleHistory = LifecycleHistory.ToImmutableArray().Add(transition));
    }

    /// <summary>A copy with the whole lifecycle log replaced (merge); the log must be a valid walk of the transition table.</summary>
    internal Contact WithLifecycleHistory(IEnumerable<LifecycleTransition> history)
    {
        var list = history.ToImmutableArray();
        if (list.IsEmpty || list[0].From is not null || !LifecycleRules.IsValidInitialStage(list[0].To))
        {
            throw new ArgumentException("A lifecycle log must start with the creation stage (no From, a valid initial stage).", nameof(history));
        }

        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].From != list[i - 1].To || !LifecycleRules.IsAllowed(list[i - 1].To, list[i].To) || list[i].At < list[i - 1].At)
            {
                throw new ArgumentException("A lifecycle log must be a time-ordered walk of allowed transitions.", nameof(history));
            }
        }

        return Copy(c => c.LifecycleHistory = list);
    }

    /// <summary>A copy created at <paramref name="createdAt"/> (merge: the earliest creation); it must not be after <see cref="UpdatedAt"/>.</summary>
    internal Contact WithCreatedAt(Instant createdAt)
        => createdAt > UpdatedAt
            ? throw new ArgumentOutOfRangeException(nameof(createdAt), createdAt, "A contact's CreatedAt must not be after its UpdatedAt.")
            : Copy(c => c.CreatedAt = createdAt);

    /// <summary>A copy marked as merged into <paramref name="targetId"/>.</summary>
    internal Contact AsMerged(ContactId targetId, Instant at)
    {
        ContactId.ThrowIfEmpty(targetId);
        if (targetId == Id)
        {
            throw new ArgumentException("A contact cannot be merged into itself.", nameof(targetId));
        }

        return Copy(c =>
        {
            c.Status = ContactStatus.Merged;
            c.MergedIntoId = targetId;
            c.StatusChangedAt = at;
        });
    }

    /// <summary>A copy marked as erased; the caller clears the personal data with the other copy methods.</summary>
    internal Contact AsErased(Instant at) => Copy(c =>
    {
        c.Status = ContactStatus.Erased;
        c.MergedIntoId = null;
        c.StatusChangedAt = at;
    });

    private Contact Copy() => (Contact)MemberwiseClone();

    private Contact Copy(Action<Contact> change)
    {
        var copy = Copy();
        change(copy);
        return copy;
    }

    /// <summary>Id, status, stage and stamp; never personal data, so a contact can be logged or shown in an assertion safely.</summary>
    public override string ToString() => $"Contact {Id} ({Status}, {Stage}, stamp {ConcurrencyStamp})";
}
