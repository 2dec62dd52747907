using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Crm.Contacts;
using Crm.Contacts.Events;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore;
using Crm.EntityFrameworkCore.Storage;
using Crm.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks.Contacts;

/// <summary>
/// Bulk import into <see cref="EfContactStore{TContext}"/> on PostgreSQL and SQLite, two ways: change sets of 1,000
/// through <see cref="EfContactStore{TContext}.SaveAsync"/> (EF's change tracker, the baseline) and the same change
/// sets through <see cref="EfContactStore{TContext}.BulkInsertAsync"/> (binary <c>COPY</c> on PostgreSQL, one prepared
/// <c>INSERT</c> per table re-executed on SQLite). Each contact has an e-mail address, so with its e-mail row, duplicate
/// keys, lifecycle step and <see cref="ContactCreated"/> outbox row; each change set is one transaction.
/// </summary>
/// <remarks>PostgreSQL needs <c>CRM_TEST_POSTGRES</c>. <c>CRM_BENCH_IMPORT</c> sets the count (default 1,000,000;
/// <c>CRM_BENCH_MODE=smoke</c>: 5,000); <c>--filter '*BulkPath*'</c> runs the bulk path alone. One cold run per
/// iteration into an empty schema (PostgreSQL) or a new WAL file (SQLite); the schemas are dropped after each iteration,
/// at the end and on failure (<see cref="BenchmarkSchemas"/>).</remarks>
// No MemoryDiagnoser: it runs the import once more (12 minutes at 1,000,000 through the change tracker) to count allocations.
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class PostgresImportBenchmarks
{
    private const int ChangeSetSize = 1_000;
    private static readonly TenantId Tenant = new("bench-import");
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("CRM_BENCH_IMPORT"), out var n) ? n
        : string.Equals(Environment.GetEnvironmentVariable("CRM_BENCH_MODE"), "smoke", StringComparison.OrdinalIgnoreCase) ? 5_000 : 1_000_000;

    private readonly string _sqliteFolder = Path.Combine(Path.GetTempPath(), $"crm-bench-import-{Environment.ProcessId}");
    private string? _schema;
    private DbContextOptions<CrmDbContext> _options = null!;
    private CrmEventSerializer _serializer = null!;
    private List<(Contact[] Contacts, CrmEvent[] Events)> _batches = null!;

    /// <summary>The database written to.</summary>
    [Params("PostgreSQL", "SQLite")]
    public string Database { get; set; } = "PostgreSQL";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrm().AddContacts();
        await using var provider = services.BuildServiceProvider();
        _serializer = provider.GetRequiredService<CrmEventSerializer>();

        // The contacts to import and their events, made by a manager over a scratch in-memory store (not measured).
        await using var scope = provider.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var contacts = new List<Contact>(Count);
        for (var i = 0; i < Count; i++)
        {
            contacts.Add(await manager.CreateAsync(Tenant, new ContactDraft { Emails = [$"customer{i}@example.com"] }));
        }

        var sequence = 0L;
        _batches = [.. contacts.Chunk(ChangeSetSize).Select(batch => (batch, batch.Select(c => (CrmEvent)new ContactCreated(Tenant, c.CreatedAt, c.Id, c.Origin)
        {
            EventId = new CrmEventId(new Guid((int)(++sequence >> 16), (short)sequence, 7, 0, 0, 0, 0, 0, 0, 0, 1)),
        }).ToArray()))];
    }

    [IterationSetup]
    public void CreateDatabase()
    {
        if (Database == "SQLite")
        {
            Directory.CreateDirectory(_sqliteFolder);
            var file = Path.Combine(_sqliteFolder, $"{Guid.NewGuid():N}.db");
            var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
            using (var wal = new SqliteConnection(connection))
            {
                wal.Open();
                using var pragma = wal.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode = WAL;";
                pragma.ExecuteNonQuery();
            }

            _options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(connection).Options;
        }
        else
        {
            (_schema, var connection) = BenchmarkSchemas.CreateAsync().GetAwaiter().GetResult();
            _options = new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(connection).Options;
        }

        using var db = new CrmDbContext(_options);
        CrmSchema.EnsureCreatedAsync(db).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        if (_schema is not null)
        {
            BenchmarkSchemas.DropAsync(_schema).GetAwaiter().GetResult();
            _schema = null;
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteFolder))
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        DropDatabase();
        await BenchmarkSchemas.DropAllAsync();
    }

    [Benchmark(Baseline = true, Description = "change tracker (SaveAsync), change sets of 1,000")]
    public Task<int> ChangeTracker() => ImportAsync(bulk: false);

    [Benchmark(Description = "bulk path (BulkInsertAsync), change sets of 1,000")]
    public Task<int> BulkPath() => ImportAsync(bulk: true);

    private async Task<int> ImportAsync(bool bulk)
    {
        await using var db = new CrmDbContext(_options);
        var store = new EfContactStore<CrmDbContext>(db, _serializer);
        foreach (var (contacts, events) in _batches)
        {
            var changes = new ContactChangeSet { Created = contacts, Events = events };
            if (bulk)
            {
                await store.BulkInsertAsync(Tenant, changes, CancellationToken.None);
            }
            else
            {
                await store.SaveAsync(Tenant, changes, CancellationToken.None);
            }
        }

        return Count;
    }
}
