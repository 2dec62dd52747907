using Crm.Contacts.Events;
using Crm.Contacts.InMemory;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Storage;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NodaTime.Testing;
using NodaTime;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>A manager over a fresh in-memory store, a fake clock, sequential event ids and a fake logger; <see cref="Events"/> reads the store's outbox.</summary>
internal sealed class ContactsHarness
{
    public static readonly TenantId TenantA = new("tenant-a");
    public static readonly TenantId TenantB = new("tenant-b");

    public ContactsHarness(Action<ContactOptions>? configure = null, IContactStore? store = null)
    {
        var options = new ContactOptions { DefaultPhoneRegion = "GB" };
        configure?.Invoke(options);
        Options = options;
        Store = store ?? new InMemoryContactStore();
        Manager = new ContactManager(Store, Clock, EventIds, Logger, Microsoft.Extensions.Options.Options.Create(options));
        Referrals = Store is IReferralStore referralStore ? new ReferralManager(Store, referralStore, Clock, EventIds, ReferralLogger) : null!;
        Analytics = Store is IReferralStore analyticsStore ? new ReferralAnalytics(Store, analyticsStore) : null!;
    }

    private RecordedEvents? _events;

    public FakeLogger<ReferralManager> ReferralLogger { get; } = new();

    public ReferralManager Referrals { get; }

    public ReferralAnalytics Analytics { get; }

    /// <summary>Creates <paramref name="count"/> bare contacts directly through the store, in one change set.</summary>
    public async Task<ContactId[]> SeedAsync(int count, TenantId? tenant = null)
    {
        var t = tenant ?? TenantA;
        var ids = Enumerable.Range(0, count).Select(_ => ContactId.New()).ToArray();
        var at = Clock.GetCurrentInstant();
        await Store.SaveAsync(t, new ContactChangeSet { Created = [.. ids.Select(id => new Contact(t, id, ConcurrencyStamp.New(), at))] }, CancellationToken.None);
        return ids;
    }

    public ContactOptions Options { get; }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2025, 3, 1, 12, 0), Duration.FromSeconds(1));

    public Crm.Testing.SequentialEventIdGenerator EventIds { get; } = new();

    /// <summary>The events written to the store's outbox.</summary>
    public RecordedEvents Events => _events ??= new RecordedEvents(() => Store);

    public FakeLogger<ContactManager> Logger { get; } = new();

    public IContactStore Store { get; }

    public ContactManager Manager { get; }

    public Task<Contact> CreateAsync(TenantId? tenant = null, ContactDraft? draft = null)
        => Manager.CreateAsync(tenant ?? TenantA, draft ?? SampleDraft());

    public static ContactDraft SampleDraft(string email = "ann.lee@example.com") => new()
    {
        Name = new Crm.Contacts.Profile.PersonName("Ann Lee", "Ann", "Lee"),
        Emails = [email],
        PhoneNumbers = ["+44 20 7946 0018"],
        Tags = ["VIP"],
    };

    /// <summary>Every contact of the tenant, read page by page.</summary>
    public async Task<IReadOnlyList<Contact>> AllAsync(TenantId tenant)
    {
        var all = new List<Contact>();
        var page = await Store.ListAsync(tenant, PageRequest.First(PageRequest.MaxPageSize), CancellationToken.None);
        all.AddRange(page.Items);
        while (page.NextCursor is { } cursor)
        {
            page = await Store.ListAsync(tenant, PageRequest.After(cursor, PageRequest.MaxPageSize), CancellationToken.None);
            all.AddRange(page.Items);
        }

        return all;
    }
}
