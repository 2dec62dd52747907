using Crm.Contacts;
using Crm.Contacts.Events;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.Contacts.Serialization;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Crm.EntityFrameworkCore.Storage;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Events;
using Crm.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.EntityFrameworkCore.Tests.Storage;

/// <summary>What the EF Core store adds beyond the specification: the relational columns, re-validation of the stored document, the analytics answered by the database, purge, the host's own context and transaction, and delivery through DI.</summary>
public abstract class EfContactStoreTests(Provider provider) : DatabaseTests(provider)
{
    private static readonly TenantId Tenant = CrmHost.Tenant;

    [Fact]
    public async Task A_contact_is_stored_in_queryable_columns_and_child_tables()
    {
        await using var host = NewHost();
        var contact = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft
        {
            Name = new PersonName("Ada Okafor"),
            Emails = ["Ada@Example.com", "ada.o@example.org"],
            PhoneNumbers = ["+44 20 7946 0018"],
            Tags = ["VIP", "newsletter"],
        }));

        await using var db = host.Database.CreateDbContext();
        var row = await db.Set<ContactRow>().SingleAsync(r => r.TenantId == Tenant && r.Id == contact.Id);
        row.Status.Should().Be("Active");
        row.Stage.Should().Be(contact.Stage.ToString());
        row.NormalizedName.Should().Be("ada okafor");
        row.PrimaryEmail.Should().Be("ada@example.com");
        row.CreatedAt.Should().Be(contact.CreatedAt);
        row.FormatVersion.Should().Be(ContactSerializer.CurrentFormatVersion);
        (await db.Set<ContactEmailRow>().Where(e => e.ContactId == contact.Id).OrderBy(e => e.Position).Select(e => e.NormalizedAddress).ToListAsync())
            .Should().Equal("ada@example.com", "ada.o@example.org");
        (await db.Set<ContactPhoneRow>().Where(p => p.ContactId == contact.Id).Select(p => p.E164).ToListAsync()).Should().Equal("+442079460018");
        (await db.Set<ContactTagRow>().Where(t => t.ContactId == contact.Id).Select(t => t.NormalizedTag).OrderBy(t => t).ToListAsync()).Should().Equal("newsletter", "vip");
        (await db.Set<ContactLifecycleRow>().CountAsync(l => l.ContactId == contact.Id)).Should().Be(1);
    }

    [Fact]
    public async Task A_stored_document_that_breaks_a_rule_is_refused_on_reading()
    {
        await using var host = NewHost();
        var contact = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Emails = ["ada@example.com"] }));
        await using (var db = host.Database.CreateDbContext())
        {
            var row = await db.Set<ContactRow>().SingleAsync(r => r.Id == contact.Id);
            row.Document = row.Document.Replace("\"formatVersion\":1", "\"formatVersion\":2", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }

        var read = () => host.WithContactsAsync(m => m.FindAsync(Tenant, contact.Id));

        await read.Should().ThrowAsync<ContactFormatException>().WithMessage("*formatVersion*");
    }

    [Fact]
    public async Task Analytics_answered_by_the_database_equal_the_default_computation()
    {
        var database = NewDatabase();
        var store = database.CreateStore();
        var host = new CrmHost(database);
        await using var hostDisposal = host;
        var ids = new List<ContactId>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add((await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft()))).Id);
        }

        var random = new Random(8);
        for (var i = 1; i < ids.Count; i++)
        {
            if (random.Next(5) > 0)
            {
                var (referee, referrer) = (ids[i], ids[random.Next(i)]);
                await host.WithReferralsAsync(r => r.RecordReferralAsync(Tenant, referee, referrer));
            }
        }

        var asked = await host.WithReferralsAsync(r => r.AskForReferralAsync(Tenant, ids[0], "email"));
        var viaDatabase = new ReferralAnalytics(store, store);
        var byDefault = new ReferralAnalytics(store, new PlainReferralStore(store));

        (await viaDatabase.GetLongestChainAsync(Tenant)).Should().Be(await byDefault.GetLongestChainAsync(Tenant));
        var all = new Interval(null, null);
        (await viaDatabase.GetTopReferrersAsync(Tenant, all, 5)).Should().Equal(await byDefault.GetTopReferrersAsync(Tenant, all, 5));
        (await viaDatabase.GetReferralRequestStatsAsync(Tenant, asked.ContactId)).Should().Be(await byDefault.GetReferralRequestStatsAsync(Tenant, asked.ContactId));
        (await store.GetReferralsByReferrersAsync(Tenant, [ids[0], ids[1]], CancellationToken.None))
            .Should().Equal(await ((IReferralStore)new PlainReferralStore(store)).GetReferralsByReferrersAsync(Tenant, [ids[0], ids[1]], CancellationToken.None));
    }

    [Fact]
    public async Task Idempotency_keys_recorded_before_the_cut_off_are_purged_and_later_ones_kept()
    {
        var database = NewDatabase();
        var store = database.CreateStore();
        await using var host = new CrmHost(database);
        var contact = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { IdempotencyKey = "k-1" }));
        var recorded = (await host.InScopeAsync(async sp =>
        {
            await using var db = database.CreateDbContext();
            return await db.Set<IdempotencyKeyRow>().SingleAsync();
        })).RecordedAt!.Value;

        (await store.PurgeIdempotencyKeysAsync(Tenant, recorded, CancellationToken.None)).Should().Be(0);
        (await store.PurgeIdempotencyKeysAsync(Tenant, recorded + Duration.FromTicks(1), CancellationToken.None)).Should().Be(1);
        (await store.FindIdByIdempotencyKeyAsync(Tenant, "k-1", CancellationToken.None)).Should().BeNull();
        (await store.FindByIdAsync(Tenant, contact.Id, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task A_host_context_with_the_crm_model_commits_crm_writes_only_with_its_own_transaction()
    {
        var database = NewDatabase();
        await using (var setup = new HostDbContext(Options(database)))
        {
            await setup.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS host_orders (id INTEGER PRIMARY KEY, reference VARCHAR(50) NOT NULL)");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<HostDbContext>(database.Configure);
        services.AddCrm().AddContacts().UseEntityFrameworkCore<HostDbContext>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        async Task<ContactId> PlaceOrderAsync(bool commit)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new HostOrder { Id = commit ? 1 : 2, Reference = commit ? "kept" : "rolled-back" });
            var contact = await scope.ServiceProvider.GetRequiredService<ContactManager>().CreateAsync(Tenant, new ContactDraft { Emails = ["buyer@example.com"] });
            if (commit)
            {
                await transaction.CommitAsync();
            }

            return contact.Id;
        }

        var rolledBack = await PlaceOrderAsync(commit: false);
        var kept = await PlaceOrderAsync(commit: true);

        await using var check = new HostDbContext(Options(database));
        (await check.Orders.Select(o => o.Reference).ToListAsync()).Should().Equal("kept");
        var store = database.CreateStore();
        (await store.FindByIdAsync(Tenant, rolledBack, CancellationToken.None)).Should().BeNull();
        (await store.FindByIdAsync(Tenant, kept, CancellationToken.None)).Should().NotBeNull();
        (await check.Set<OutboxRow>().CountAsync()).Should().Be(1, "the rolled-back operation's event went with it");
    }

    [Fact]
    public async Task A_scoped_listener_receives_an_event_from_the_database_outbox()
    {
        var database = NewDatabase();
        var received = new List<CrmEventId>();
        await using var host = new CrmHost(database, services: s =>
        {
            s.AddSingleton(received);
            s.AddCrm().AddEventListener<ReferralRecorded, RecordingListener>();
        });
        var ada = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft()));
        var bjorn = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft()));
        await host.WithReferralsAsync(r => r.RecordReferralAsync(Tenant, bjorn.Id, ada.Id));

        var result = await host.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();

        result.Delivered.Should().Be(3);
        received.Should().ContainSingle();
        (await host.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync()).Delivered.Should().Be(0);
    }

    private DbContextOptions<HostDbContext> Options(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<HostDbContext>();
        database.Configure(builder);
        return builder.Options;
    }

    private TestDatabase NewDatabase() => Databases.New();

    private CrmHost NewHost() => new(NewDatabase());

    /// <summary>A host's own context: its own table, plus the CRM tables through <c>ApplyCrmContacts()</c>.</summary>
    public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
    {
        public DbSet<HostOrder> Orders => Set<HostOrder>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<HostOrder>(e =>
            {
                e.ToTable("host_orders");
                e.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
                e.Property(o => o.Reference).HasColumnName("reference");
            });
            modelBuilder.ApplyCrmContacts();
        }
    }

    public sealed class HostOrder
    {
        public int Id { get; set; }

        public string Reference { get; set; } = "";
    }

    public sealed class RecordingListener(List<CrmEventId> received) : ICrmEventListener<ReferralRecorded>
    {
        public ValueTask HandleAsync(ReferralRecorded domainEvent, CancellationToken cancellationToken)
        {
            lock (received)
            {
                received.Add(domainEvent.EventId);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The store seen through <see cref="IReferralStore"/> only, so <see cref="ReferralAnalytics"/> computes its default answers.</summary>
    private sealed class PlainReferralStore(EfContactStore<CrmDbContext> store) : IReferralStore
    {
        public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => store.GetGraphVersionAsync(tenantId, cancellationToken);

        public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken) => store.FindReferralAsync(tenantId, refereeId, cancellationToken);

        public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => store.GetChainAsync(tenantId, contactId, cancellationToken);

        public IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken) => store.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken);

        public ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken) => store.GetDirectRefereesAsync(tenantId, referrerId, cancellationToken);

        public IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken) => store.GetAllReferralsAsync(tenantId, cancellationToken);

        public IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken) => store.GetReferralsInIntervalAsync(tenantId, interval, cancellationToken);

        public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken) => store.FindReferralRequestAsync(tenantId, requestId, cancellationToken);

        public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => store.GetReferralRequestsAsync(tenantId, contactId, cancellationToken);
    }
}

public sealed class SqliteEfContactStoreTests() : EfContactStoreTests(Provider.Sqlite);

public sealed class PostgresEfContactStoreTests() : EfContactStoreTests(Provider.Postgres), IPostgresTests;
