using Crm.Contacts.InMemory;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

using static Crm.Contacts.Tests.TestSupport.TestHost;

namespace Crm.Contacts.Tests.Hosting;

public sealed class CrmContactsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddContacts_WithDefaults_StartsAndRecordsReferralsThroughTheInMemoryStore()
    {
        using var provider = Build(s => s.AddCrm().AddContacts());
        Start(provider);
        var tenant = new TenantId("t");

        using var scope = provider.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var referrals = scope.ServiceProvider.GetRequiredService<ReferralManager>();
        var ann = await contacts.CreateAsync(tenant, new ContactDraft());
        var bob = await contacts.CreateAsync(tenant, new ContactDraft());
        await referrals.RecordReferralAsync(tenant, bob.Id, ann.Id);

        provider.GetRequiredService<IReferralStore>().Should().BeSameAs(provider.GetRequiredService<InMemoryContactStore>());
        (await referrals.GetChainAsync(tenant, bob.Id)).Members.Should().Equal(ann.Id, bob.Id);
    }

    [Fact]
    public async Task AddContacts_RegistersAWorkingManager_OverTheSingletonInMemoryStore()
    {
        using var provider = Build(s => s.AddCrm().AddContacts(o => o.EnableReferrals = false));
        Start(provider);
        provider.GetRequiredService<IContactStore>().Should().BeSameAs(provider.GetRequiredService<InMemoryContactStore>());

        Contact created;
        using (var scope = provider.CreateScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<ContactManager>().CreateAsync(new TenantId("t"), new ContactDraft());
        }

        using (var scope = provider.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ContactManager>().FindAsync(new TenantId("t"), created.Id)).Should().NotBeNull();
        }
    }

    [Fact]
    public void HostStore_RegisteredBefore_Wins()
    {
        using var provider = Build(s =>
        {
            s.AddSingleton<IContactStore, HostStore>();
            s.AddCrm().AddContacts();
        });
        Start(provider);
        provider.GetRequiredService<IContactStore>().Should().BeOfType<HostStore>();
        provider.GetRequiredService<IReferralStore>().Should().BeSameAs(provider.GetRequiredService<IContactStore>());
    }

    [Fact]
    public void HostStore_RegisteredAfter_Wins()
    {
        using var provider = Build(s =>
        {
            s.AddCrm().AddContacts();
            s.AddSingleton<IContactStore, HostStore>();
        });
        Start(provider);
        provider.GetRequiredService<IContactStore>().Should().BeOfType<HostStore>();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<ContactManager>().Should().NotBeNull();
    }

    [Fact]
    public void StoreWithoutReferralCapability_FailsAtStart_WithAClearMessage()
    {
        using var provider = Build(s =>
        {
            s.AddCrm().AddContacts(o => o.EnableReferrals = true);
            s.AddSingleton<IContactStore, ContactsOnlyStore>();
        });
        var act = () => Start(provider);
        act.Should().Throw<OptionsValidationException>()
            .WithMessage("*EnableReferrals is true, but the registered IContactStore*ContactsOnlyStore) does not implement IReferralStore*");
    }

    [Fact]
    public void StoreWithoutReferralCapability_IsFine_WhenReferralsAreOff()
    {
        using var provider = Build(s =>
        {
            s.AddSingleton<IContactStore, ContactsOnlyStore>();
            s.AddCrm().AddContacts(o => o.EnableReferrals = false);
        });
        Start(provider);
    }

    [Theory]
    [InlineData("gb")]
    [InlineData("XX")]
    public void UnknownDefaultPhoneRegion_FailsAtStart(string region)
    {
        using var provider = Build(s => s.AddCrm().AddContacts(o => { o.EnableReferrals = false; o.DefaultPhoneRegion = region; }));
        FluentActions.Invoking(() => Start(provider)).Should().Throw<OptionsValidationException>().WithMessage("*DefaultPhoneRegion must be*");
    }

    [Fact]
    public void LimitsOutOfRange_FailAtStart_NamingEachOne()
    {
        using var provider = Build(s => s.AddCrm().AddContacts(o =>
        {
            o.EnableReferrals = false;
            o.MaxTags = 0;
            o.MaxEmailAddresses = ContactOptions.MaxLimit + 1;
        }));
        var ex = FluentActions.Invoking(() => Start(provider)).Should().Throw<OptionsValidationException>().Which;
        ex.Failures.Should().Contain(f => f.Contains("MaxTags must be between 1 and", StringComparison.Ordinal));
        ex.Failures.Should().Contain(f => f.Contains("MaxEmailAddresses must be between 1 and", StringComparison.Ordinal));
    }

    [Fact]
    public void IdempotencyKeyRetentionNotPositive_FailsAtStart_NamingIt()
    {
        using var provider = Build(s => s.AddCrm().AddContacts(o =>
        {
            o.EnableReferrals = false;
            o.IdempotencyKeyRetention = NodaTime.Duration.Zero;
        }));

        FluentActions.Invoking(() => Start(provider)).Should().Throw<OptionsValidationException>().WithMessage("*ContactOptions.IdempotencyKeyRetention must be positive*");
    }

    [Fact]
    public void AddContacts_NullBuilder_Throws()
        => FluentActions.Invoking(() => CrmContactsServiceCollectionExtensions.AddContacts(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void Clock_IsTheHostsWhenRegistered()
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2020, 1, 1, 0, 0));
        using var provider = Build(s =>
        {
            s.AddSingleton<IClock>(clock);
            s.AddCrm().AddContacts(o => o.EnableReferrals = false);
        });
        provider.GetRequiredService<IClock>().Should().BeSameAs(clock);
    }

    /// <summary>A host's own store with both capabilities; it delegates to an in-memory store for contacts.</summary>
    private sealed class HostStore : IContactStore, IReferralStore, TestSupport.IForwardsOutbox
    {
        private readonly InMemoryContactStore _inner = new();

        public Crm.InMemory.InMemoryOutbox Outbox => _inner.Outbox;

        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _inner.FindByIdAsync(tenantId, contactId, cancellationToken);

        public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => _inner.ListAsync(tenantId, page, cancellationToken);

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => _inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

        public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => _inner.SaveAsync(tenantId, changes, cancellationToken);

        public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => ValueTask.FromResult(0L);

        public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken) => ValueTask.FromResult<Referral?>(null);

        public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => ValueTask.FromResult(new ReferralChainSnapshot([], 0));

        public IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken) => AsyncEnumerable.Empty<DownlineEntry>();

        public ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<ContactId>>([]);

        public IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken) => AsyncEnumerable.Empty<Referral>();

        public IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken) => AsyncEnumerable.Empty<Referral>();

        public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken) => ValueTask.FromResult<ReferralRequest?>(null);

        public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<ReferralRequest>>([]);
    }
}
