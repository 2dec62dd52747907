using Crm.Contacts.Duplicates;
using Crm.Contacts.Import;
using Crm.Contacts.Merging;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>Manager, detector, importer and merger over one <see cref="GraphTrackingStore"/>, with duplicate detection on.</summary>
internal sealed class DuplicatesHarness
{
    public static readonly TenantId Tenant = new("dup-tenant");

    public DuplicatesHarness(Action<ContactOptions>? configure = null)
    {
        var options = new ContactOptions { DefaultPhoneRegion = "GB" };
        options.Duplicates.Enabled = true;
        configure?.Invoke(options);
        Options = options;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Detector = new DuplicateDetector(Store, Clock, DetectorLogger, wrapped);
        Manager = new ContactManager(Store, Clock, EventIds, ManagerLogger, wrapped, Detector);
        Importer = new ContactImporter(Store, Detector, Clock, EventIds, ImporterLogger, wrapped);
        Merger = new ContactMerger(Store, Clock, EventIds, MergerLogger, wrapped);
        Referrals = new ReferralManager(Store, Store, Clock, EventIds, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReferralManager>.Instance);
    }

    /// <summary>A referral manager over the same store, for races between referrals and merges.</summary>
    public ReferralManager Referrals { get; }

    public ContactOptions Options { get; }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2025, 3, 1, 12, 0), Duration.FromSeconds(1));

    public Crm.Testing.SequentialEventIdGenerator EventIds { get; } = new();

    /// <summary>The events written to the store's outbox.</summary>
    public RecordedEvents Events => _events ??= new RecordedEvents(() => Store);

    private RecordedEvents? _events;

    public FakeLogger<ContactManager> ManagerLogger { get; } = new();

    public FakeLogger<DuplicateDetector> DetectorLogger { get; } = new();

    public FakeLogger<ContactImporter> ImporterLogger { get; } = new();

    public FakeLogger<ContactMerger> MergerLogger { get; } = new();

    public GraphTrackingStore Store { get; } = new();

    public ContactManager Manager { get; }

    public DuplicateDetector Detector { get; }

    public ContactImporter Importer { get; }

    public ContactMerger Merger { get; }

    public Task<Contact> CreateAsync(string? display = null, string? email = null, string? phone = null, string? given = null, string? family = null, Birthday? birthday = null)
        => Manager.CreateAsync(Tenant, new ContactDraft
        {
            Name = display is null ? null : new PersonName(display, given, family),
            Emails = email is null ? [] : [email],
            PhoneNumbers = phone is null ? [] : [phone],
            Birthday = birthday,
        });

    /// <summary>Creates <paramref name="count"/> contacts with unique emails and no other shared value.</summary>
    public async Task<List<Contact>> CreateManyAsync(int count)
    {
        var list = new List<Contact>();
        for (var i = 0; i < count; i++)
        {
            list.Add(await CreateAsync($"Person {i}", $"person{i}.{Guid.NewGuid():N}@example.com"));
        }

        return list;
    }

    /// <summary>Records <paramref name="referrer"/> as the referrer of <paramref name="referee"/> through a store change set.</summary>
    public async Task ReferAsync(ContactId referee, ContactId referrer)
    {
        var version = await Store.GetGraphVersionAsync(Tenant, CancellationToken.None);
        await Store.SaveAsync(Tenant, new ContactChangeSet
        {
            ReferralsAdded = [new Referral(referee, referrer, Clock.GetCurrentInstant())],
            VersionChecks = [ContactChangeSet.ReferralGraphCheck(version)],
        }, CancellationToken.None);
    }

    public async Task<Dictionary<ContactId, ContactId>> ReferrerMapAsync()
    {
        var map = new Dictionary<ContactId, ContactId>();
        await foreach (var r in Store.GetAllReferralsAsync(Tenant, CancellationToken.None))
        {
            map.Add(r.RefereeId, r.ReferrerId);
        }

        return map;
    }

    public Task<Contact> GetAsync(ContactId id) => Manager.GetAsync(Tenant, id);

    public Task<MergeResult> MergeAsync(ContactId survivor, params ContactId[] absorbed)
        => Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = survivor, AbsorbedIds = absorbed });
}
