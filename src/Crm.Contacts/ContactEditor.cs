using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Profile;
using NodaTime;

namespace Crm.Contacts;

/// <summary>Collects the profile changes of one <see cref="ContactManager.UpdateAsync"/> call, validating each as it is made.</summary>
/// <remarks>
/// Each method checks its input at once and throws the BCL argument exception naming the rule; nothing is stored
/// unless the whole edit completes. Adding a value that is already there, or removing one that is not, changes
/// nothing. Limits come from <see cref="ContactOptions"/>. The editor is valid only during the edit callback.
/// </remarks>
public sealed class ContactEditor
{
    private readonly ContactOptions _options;
    private readonly LocalDate _latestToday;
    private readonly SortedSet<string> _changed = new(StringComparer.Ordinal);

    internal ContactEditor(Contact contact, ContactOptions options, Instant now)
    {
        Current = contact;
        _options = options;

        // The latest calendar date anywhere on Earth right now (UTC+14), so no one's real birthday is "in the future".
        _latestToday = now.InZone(DateTimeZone.ForOffset(Offset.FromHours(14))).Date;
    }

    /// <summary>The contact as edited so far.</summary>
    public Contact Current { get; private set; }

    internal IReadOnlyCollection<string> ChangedFields => _changed;

    /// <summary>Sets or clears the name.</summary>
    public void SetName(PersonName? name)
    {
        if (!Equals(Current.Name, name))
        {
            Apply(Current.WithName(name), nameof(Contact.Name));
        }
    }

    /// <summary>Parses and adds an email address (last, or first when <paramref name="makePrimary"/>); an address already present is only moved when <paramref name="makePrimary"/>.</summary>
    /// <exception cref="ArgumentException">The address is invalid (see <see cref="EmailAddress"/>), or the contact would exceed <see cref="ContactOptions.MaxEmailAddresses"/>.</exception>
    public void AddEmail(string address, bool makePrimary = false)
    {
        ArgumentNullException.ThrowIfNull(address);
        AddEmail(EmailAddress.Parse(address), makePrimary);
    }

    /// <summary>Adds an email address (last, or first when <paramref name="makePrimary"/>); an address already present is only moved when <paramref name="makePrimary"/>.</summary>
    /// <exception cref="ArgumentException">The address is the default value, or the contact would exceed <see cref="ContactOptions.MaxEmailAddresses"/>.</exception>
    public void AddEmail(EmailAddress address, bool makePrimary = false)
    {
        if (address.IsEmpty)
        {
            throw new ArgumentException("default(EmailAddress) is not an email address.", nameof(address));
        }

        var list = Current.Emails.ToList();
        var index = list.IndexOf(address);
        if (index >= 0 && (!makePrimary || index == 0))
        {
            return;
        }

        if (index < 0 && list.Count >= _options.MaxEmailAddresses)
        {
            throw new ArgumentException($"A contact may have at most {_options.MaxEmailAddresses} email addresses (ContactOptions.MaxEmailAddresses).", nameof(address));
        }

        if (index >= 0)
        {
            list.RemoveAt(index);
        }

        list.Insert(makePrimary ? 0 : list.Count, address);
        Apply(Current.WithEmails(list), nameof(Contact.Emails));
    }

    /// <summary>Removes an email address (compared by normalized form) if present.</summary>
    /// <exception cref="ArgumentException">The address is invalid.</exception>
    public void RemoveEmail(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        RemoveEmail(EmailAddress.Parse(address));
    }

    /// <summary>Removes an email address (compared by normalized form) if present.</summary>
    public void RemoveEmail(EmailAddress address)
    {
        if (Current.Emails.Contains(address))
        {
            Apply(Current.WithEmails(Current.Emails.Where(e => e != address)), nameof(Contact.Emails));
        }
    }

    /// <summary>Parses and adds a phone number (national input uses <see cref="ContactOptions.DefaultPhoneRegion"/>).</summary>
    /// <exception cref="ArgumentException">The number is invalid (see <see cref="PhoneNumber"/>), or the contact would exceed <see cref="ContactOptions.MaxPhoneNumbers"/>.</exception>
    public void AddPhoneNumber(string number, bool makePrimary = false)
    {
        ArgumentNullException.ThrowIfNull(number);
        AddPhoneNumber(PhoneNumber.Parse(number, _options.DefaultPhoneRegion), makePrimary);
    }

    /// <summary>Adds a phone number (last, or first when <paramref name="makePrimary"/>); a number already present is only moved when <paramref name="makePrimary"/>.</summary>
    /// <exception cref="ArgumentException">The number is the default value, or the contact would exceed <see cref="ContactOptions.MaxPhoneNumbers"/>.</exception>
    public void AddPhoneNumber(PhoneNumber number, bool makePrimary = false)
    {
        if (number.IsEmpty)
        {
            throw new ArgumentException("default(PhoneNumber) is not a phone number.", nameof(number));
        }

        var list = Current.PhoneNumbers.ToList();
        var index = list.IndexOf(number);
        if (index >= 0 && (!makePrimary || index == 0))
        {
            return;
        }

        if (index < 0 && list.Count >= _options.MaxPhoneNumbers)
        {
            throw new ArgumentException($"A contact may have at most {_options.MaxPhoneNumbers} phone numbers (ContactOptions.MaxPhoneNumbers).", nameof(number));
        }

        if (index >= 0)
        {
            list.RemoveAt(index);
        }

        list.Insert(makePrimary ? 0 : list.Count, number);
        Apply(Current.WithPhoneNumbers(list), nameof(Contact.PhoneNumbers));
    }

    /// <summary>Removes a phone number if present.</summary>
    /// <exception cref="ArgumentException">The number is invalid.</exception>
    public void RemovePhoneNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        RemovePhoneNumber(PhoneNumber.Parse(number, _options.DefaultPhoneRegion));
    }

    /// <summary>Removes a phone number if present.</summary>
    public void RemovePhoneNumber(PhoneNumber number)
    {
        if (Current.PhoneNumbers.Contains(number))
        {
            Apply(Current.WithPhoneNumbers(Current.PhoneNumbers.Where(p => p != number)), nameof(Contact.PhoneNumbers));
        }
    }

    /// <summary>Sets or clears the birthday.</summary>
    /// <exception cref="ArgumentException">The birthday is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date of birth lies in the future.</exception>
    public void SetBirthday(Birthday? birthday)
    {
        if (birthday is { DateOfBirth: { } born } && born > _latestToday)
        {
            throw new ArgumentOutOfRangeException(nameof(birthday), "Birthday must not be in the future.");
        }

        if (Current.Birthday != birthday)
        {
            Apply(Current.WithBirthday(birthday), nameof(Contact.Birthday));
        }
    }

    /// <summary>Sets or clears the birthplace (a single line of at most 200 characters).</summary>
    /// <exception cref="ArgumentException">The text is too long or has control characters.</exception>
    public void SetBirthplace(string? birthplace)
    {
        var next = Current.WithBirthplace(birthplace);
        if (!string.Equals(next.Birthplace, Current.Birthplace, StringComparison.Ordinal))
        {
            Apply(next, nameof(Contact.Birthplace));
        }
    }

    /// <summary>Sets or clears the preferred language from a BCP-47 tag.</summary>
    /// <exception cref="ArgumentException">The tag is not a language the platform knows.</exception>
    public void SetPreferredLanguage(string? languageTag)
    {
        var tag = string.IsNullOrWhiteSpace(languageTag) ? (LanguageTag?)null : LanguageTag.Parse(languageTag);
        if (Current.PreferredLanguage != tag)
        {
            Apply(Current.WithPreferredLanguage(tag), nameof(Contact.PreferredLanguage));
        }
    }

    /// <summary>Sets or clears the time zone from an IANA id (e.g. <c>Europe/Paris</c>).</summary>
    /// <exception cref="ArgumentException">The id is not in the TZDB.</exception>
    public void SetTimeZone(string? timeZoneId)
    {
        DateTimeZone? zone = null;
        if (!string.IsNullOrWhiteSpace(timeZoneId))
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId.Trim())
                ?? throw new ArgumentException("TimeZone must be an IANA time zone id in the TZDB (e.g. 'Europe/Paris', 'America/New_York').", nameof(timeZoneId));
        }

        if (!Equals(Current.TimeZone?.Id, zone?.Id))
        {
            Apply(Current.WithTimeZone(zone), nameof(Contact.TimeZone));
        }
    }

    /// <summary>Adds a tag (trimmed, inner white space collapsed; compared case-insensitively).</summary>
    /// <exception cref="ArgumentException">The tag is empty, longer than 64 characters or has control characters, or the contact would exceed <see cref="ContactOptions.MaxTags"/>.</exception>
    public void AddTag(string tag)
    {
        var normalized = TagRules.Normalize(tag, nameof(tag));
        if (Current.Tags.Contains(normalized))
        {
            return;
        }

        if (Current.Tags.Count >= _options.MaxTags)
        {
            throw new ArgumentException($"A contact may have at most {_options.MaxTags} tags (ContactOptions.MaxTags).", nameof(tag));
        }

        Apply(Current.WithTags(Current.Tags.Append(normalized)), nameof(Contact.Tags));
    }

    /// <summary>Removes a tag (compared case-insensitively) if present.</summary>
    /// <exception cref="ArgumentException">The tag is empty or invalid.</exception>
    public void RemoveTag(string tag)
    {
        var normalized = TagRules.Normalize(tag, nameof(tag));
        if (Current.Tags.Contains(normalized))
        {
            Apply(Current.WithTags(Current.Tags.Where(t => !TagRules.Comparer.Equals(t, normalized))), nameof(Contact.Tags));
        }
    }

    /// <summary>Sets a custom attribute (names: 1–64 ASCII letters, digits, '_', '-', '.', starting with a letter; case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name breaks the rule, the value is the default value, or the contact would exceed <see cref="ContactOptions.MaxCustomAttributes"/>.</exception>
    public void SetAttribute(string name, CustomAttributeValue value)
    {
        var key = AttributeKeys.Validate(name, nameof(name));
        if (value.IsEmpty)
        {
            throw new ArgumentException("A custom attribute must have a value: default(CustomAttributeValue) is empty; use RemoveAttribute to delete one.", nameof(value));
        }

        var exists = Current.Attributes.TryGetValue(key, out var old);
        if (exists && old == value)
        {
            return;
        }

        if (!exists && Current.Attributes.Count >= _options.MaxCustomAttributes)
        {
            throw new ArgumentException($"A contact may have at most {_options.MaxCustomAttributes} custom attributes (ContactOptions.MaxCustomAttributes).", nameof(name));
        }

        var next = Current.Attributes.Where(a => !AttributeKeys.Comparer.Equals(a.Key, key)).Append(new(key, value));
        Apply(Current.WithAttributes(next), nameof(Contact.Attributes));
    }

    /// <summary>Removes a custom attribute if present.</summary>
    /// <exception cref="ArgumentException">The name breaks the naming rule.</exception>
    public void RemoveAttribute(string name)
    {
        var key = AttributeKeys.Validate(name, nameof(name));
        if (Current.Attributes.ContainsKey(key))
        {
            Apply(Current.WithAttributes(Current.Attributes.Where(a => !AttributeKeys.Comparer.Equals(a.Key, key))), nameof(Contact.Attributes));
        }
    }

    /// <summary>Sets or clears the acquisition source.</summary>
    public void SetAcquisition(AcquisitionSource? acquisition)
    {
        if (!Equals(Current.Acquisition, acquisition))
        {
            Apply(Current.WithAcquisition(acquisition), nameof(Contact.Acquisition));
        }
    }

    private void Apply(Contact next, string field)
    {
        Current = next;
        _changed.Add(field);
    }
}
