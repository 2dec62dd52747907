using Crm.Contacts;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Profile;
using NodaTime;

namespace Crm.Testing.Contacts;

/// <summary>Generates varied contacts through the public API (drafts and editor actions) from a seeded <see cref="Random"/>, so every run writes the same values.</summary>
internal sealed class RandomContacts(int seed)
{
    private static readonly string[] Names = ["Ada Okafor", "Björn Lindqvist", "Chen Wei", "José Álvarez", "Ngozi Okonjo", "Åsa Öberg", "李小龍", "Zoë O'Brien-Smith", "Nguyễn Thị Minh"];
    private static readonly string[] Cities = ["Lagos", "Malmö", "Chengdu", "São Paulo", "Zürich"];
    private static readonly string[] Languages = ["en-GB", "fr-FR", "de", "pt-BR", "zh-Hans-CN"];
    private static readonly string[] Zones = ["Europe/London", "Asia/Tokyo", "America/Sao_Paulo", "Africa/Lagos", "Pacific/Auckland"];
    private static readonly string[] Tags = ["vip", "newsletter", "b2b", "lapsed", "événement"];

    // A deterministic generator for test data, not for anything secret.
#pragma warning disable CA5394 // Do not use insecure randomness
    private readonly Random _random = new(seed);

    private bool Chance() => _random.Next(2) == 0;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private int Next(int min, int max) => _random.Next(min, max);
#pragma warning restore CA5394

    /// <summary>A draft with a random subset of every field a draft can carry.</summary>
    public ContactDraft NextDraft(int index)
    {
        var display = Pick(Names);
        var parts = display.Split(' ', 2);
        return new ContactDraft
        {
            Origin = Pick([RecordOrigin.Manual, RecordOrigin.Api, RecordOrigin.Import]),
            Acquisition = Chance() ? null : new AcquisitionSource(Pick(["newsletter", "referral", "fair"]), Chance() ? "email" : null, Chance() ? "spring-2025" : null, Chance() ? "booth 4" : null),
            InitialStage = Pick([LifecycleStage.Lead, LifecycleStage.Prospect, LifecycleStage.Customer]),
            IdempotencyKey = Chance() ? null : $"spec-{seed}-{index}-{Next(0, 1_000_000)}",
            Name = Chance() ? new PersonName(display) : new PersonName(display, parts[0], parts.Length > 1 ? parts[1] : null),
            Emails = [.. Enumerable.Range(0, Next(0, 4)).Select(i => $"p{index}.{i}.{Next(0, 1000)}@example.{Pick(["com", "org", "co.uk"])}")],
            PhoneNumbers = [.. Enumerable.Range(0, Next(0, 3)).Select(i => $"+44 20 7946 0{index % 50:00}{i}")],
            Birthday = Pick<Birthday?>([null, new Birthday(Next(1, 13), Next(1, 29)), new Birthday(Next(1, 13), Next(1, 29), Next(1940, 2006))]),
            Birthplace = Chance() ? null : Pick(Cities),
            PreferredLanguage = Chance() ? null : Pick(Languages),
            TimeZoneId = Chance() ? null : Pick(Zones),
            Tags = [.. Tags.Where(_ => Chance())],
            Attributes = NextAttributes(),
        };
    }

    /// <summary>A random edit: new values for some fields, some removed.</summary>
    public Action<ContactEditor> NextEdit(Contact current)
    {
        var tag = Pick(Tags);
        var city = Chance() ? null : Pick(Cities);
        var zone = Chance() ? null : Pick(Zones);
        var attribute = NextAttributes();
        var email = $"edit.{Next(0, 100_000)}@example.net";
        var dropFirstEmail = current.Emails.Count > 1 && Chance();
        return e =>
        {
            e.AddTag(tag);
            e.SetBirthplace(city);
            e.SetTimeZone(zone);
            e.AddEmail(email, makePrimary: true);
            if (dropFirstEmail)
            {
                e.RemoveEmail(current.Emails[^1]);
            }

            foreach (var (name, value) in attribute)
            {
                e.SetAttribute(name, value);
            }
        };
    }

    /// <summary>A consent purpose to grant.</summary>
    public ConsentPurpose NextPurpose() => new(Pick(["marketing", "profiling", "newsletter"]));

    private Dictionary<string, CustomAttributeValue> NextAttributes()
    {
        var attributes = new Dictionary<string, CustomAttributeValue>();
        if (Chance())
        {
            attributes["shoeSize"] = CustomAttributeValue.Number(Next(30, 50) + 0.5m);
        }

        if (Chance())
        {
            attributes["favouriteColour"] = CustomAttributeValue.Text(Pick(["blue", "vert", "緑"]));
        }

        if (Chance())
        {
            attributes["optedIntoBeta"] = CustomAttributeValue.Boolean(Chance());
        }

        if (Chance())
        {
            attributes["firstOrder"] = CustomAttributeValue.Date(new LocalDate(Next(2015, 2025), Next(1, 13), Next(1, 29)));
        }

        if (Chance())
        {
            attributes["creditLimit"] = CustomAttributeValue.Money(new Money(Next(0, 100_000) / 100m, new CurrencyCode(Pick(["EUR", "GBP", "JPY"]))));
        }

        return attributes;
    }
}
