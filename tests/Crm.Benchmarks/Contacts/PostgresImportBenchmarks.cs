using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Crm.Contacts;
using Crm.Contacts.Events;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore;
using Crm.EntityFrameworkCore.Storage;
using Crm.Events;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.Benchmarks.Contacts;

/// <summary>
/// Bulk import on PostgreSQL through <see cref="EfContactStore{TContext}.SaveAsync"/>: contacts (each with an e-mail
/// address, its duplicate keys, lifecycle step and <see cref="ContactCreated"/> outbox event) in change sets of 1,000,
/// one transaction each, the change tracker cleared after every set.
/// </summary>
/// <remarks>Needs <c>CRM_TEST_POSTGRES</c>. <c>CRM_BENCH_IMPORT</c> sets the count (default 1,000,000; <c>CRM_BENCH_MODE=smoke</c>: 5,000). One cold run per iteration into an empty schema.</remarks>
// No MemoryDiagnoser: it runs the import once more (12 minutes at 1,000,000) to count allocations.
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class PostgresImportBenchmarks
{
    private const int ChangeSetSize = 1_000;
    private static readonly TenantId Tenant = new("bench-import");
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("CRM_BENCH_IMPORT"), out var n) ? n
        : string.Equals(Environment.GetEnvironmentVariable("CRM_BENCH_MODE"), "smoke", StringComparison.OrdinalIgnoreCase) ? 5_000 : 1_000_000;

    private string _server = null!;
    private string _schema = null!;
    private DbContextOptions<CrmDbContext> _options = null!;
    private CrmEventSerializer _serializer = null!;
    private List<Contact> _contacts = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set CRM_TEST_POSTGRES (bash tests/Crm.EntityFrameworkCore.Tests/postgres.sh start).");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrm().AddContacts();
        using var provider = services.BuildServiceProvider();
        _serializer = provider.GetRequiredService<CrmEventSerializer>();

        // The contacts to import, made by a manager over a scratch in-memory store (not measured).
        await using var scope = provider.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContactManager>();
        _contacts = new List<Contact>(Count);
        for (var i = 0; i < Count; i++)
        {
            _contacts.Add(await manager.CreateAsync(Tenant, new ContactDraft { Emails = [$"customer{i}@example.com"] }));
        }
    }

    [IterationSetup]
    public void CreateSchema()
    {
        _schema = $"import_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(_server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", admin);
            create.ExecuteNonQuery();
        }

        _options = new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ToString()).Options;
        using var db = new CrmDbContext(_options);
        CrmSchema.EnsureCreatedAsync(db).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropSchema()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(_server);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", admin);
        drop.ExecuteNonQuery();
    }

    [Benchmark(Description = "import through the store, change sets of 1,000")]
    public async Task<int> ImportThroughStore()
    {
        await using var db = new CrmDbContext(_options);
        var store = new EfContactStore<CrmDbContext>(db, _serializer);
        var sequence = 0L;
        foreach (var batch in _contacts.Chunk(ChangeSetSize))
        {
            var events = batch.Select(c => (CrmEvent)new ContactCreated(Tenant, c.CreatedAt, c.Id, c.Origin)
            {
                EventId = new CrmEventId(new Guid((int)(++sequence >> 16), (short)sequence, 7, 0, 0, 0, 0, 0, 0, 0, 1)),
            }).ToList();
            await store.SaveAsync(Tenant, new ContactChangeSet { Created = batch, Events = events }, CancellationToken.None);
        }

        return Count;
    }
}
