using System.Collections.Concurrent;
using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Crm.Benchmarks.Contacts;
using Crm.EntityFrameworkCore;
using Crm.EntityFrameworkCore.Loyalty;
using Crm.Events;
using Crm.Loyalty;
using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NodaTime;

namespace Crm.Benchmarks.Loyalty;

/// <summary>
/// Ledger commands per second through <see cref="LoyaltyManager"/>, each with its idempotency key: half accruals of a
/// one-euro purchase (one new lot each), half redemptions of one point (allocated to the oldest lot under the balance
/// version guard), by one writer or by 16 concurrent writers on distinct members, on each store — against the bare peer a
/// host would otherwise write: one idempotent insert per command (<c>INSERT … ON CONFLICT DO NOTHING</c> on the key, or
/// <see cref="ConcurrentDictionary{TKey,TValue}.TryAdd"/> in memory), which keeps no lots, no balance and no outbox.
/// </summary>
/// <remarks>
/// Each invocation runs <see cref="Commands"/> commands on new members, so the ledger grows between iterations but no
/// member's open lots do. SQLite is a WAL file with the default <c>synchronous = FULL</c> (every commit is flushed);
/// PostgreSQL needs <c>CRM_TEST_POSTGRES</c> (tests/Crm.EntityFrameworkCore.Tests/postgres.sh start) and runs in a throwaway schema.
/// The figures are per command (<c>OperationsPerInvoke</c>): throughput = 1 / median. Run in process (building a
/// separate benchmark process timed out on the shared machine): 3 warm-ups, 15 iterations.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class LedgerThroughputBenchmarks : IDisposable
{
    /// <summary>Commands per invocation (accruals and redemptions alternating, split evenly over the writers).</summary>
    public const int Commands = 320;

    private static readonly TenantId Tenant = new("bench");
    private static readonly CurrencyCode Eur = new("EUR");
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    private ILoyaltyStore _store = null!;
    private LoyaltyManager _manager = null!;
    private Func<string, Task> _bareInsert = null!;
    private Action _cleanup = () => { };
    private string _schema = "";
    private long _run;

    /// <summary>The store under test.</summary>
    [Params("in-memory", "sqlite", "postgresql")]
    public string Store { get; set; } = "in-memory";

    /// <summary>Concurrent writers, each on its own members.</summary>
    [Params(1, 16)]
    public int Writers { get; set; } = 1;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddCrm().AddLoyalty();
        using var provider = services.BuildServiceProvider();
        var serializer = provider.GetRequiredService<CrmEventSerializer>();
        switch (Store)
        {
            case "in-memory":
                _store = new InMemoryLoyaltyStore();
                var keys = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
                _bareInsert = key =>
                {
                    keys.TryAdd(key, 1);
                    return Task.CompletedTask;
                };
                break;
            case "sqlite":
                var file = Path.Combine(Path.GetTempPath(), $"crm-loyalty-bench-{Guid.NewGuid():N}.db");
                var sqlite = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
                await SetUpDatabaseAsync(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(sqlite).Options, serializer);
                await ExecuteAsync(new SqliteConnection(sqlite), "PRAGMA journal_mode = WAL; CREATE TABLE bench_keys (key TEXT PRIMARY KEY, points INTEGER NOT NULL)");
                _bareInsert = key => ExecuteAsync(new SqliteConnection(sqlite), "INSERT INTO bench_keys (key, points) VALUES ($key, 1) ON CONFLICT (key) DO NOTHING", key);
                _cleanup = () =>
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                    {
                        File.Delete(path);
                    }
                };
                break;
            case "postgresql":
                var (schema, postgres) = await BenchmarkSchemas.CreateAsync();
                _schema = schema;
                postgres = new NpgsqlConnectionStringBuilder(postgres) { MaxPoolSize = 40 }.ToString();
                await SetUpDatabaseAsync(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(postgres).Options, serializer);
                await ExecuteAsync(new NpgsqlConnection(postgres), "CREATE TABLE bench_keys (key text PRIMARY KEY, points bigint NOT NULL)");
                _bareInsert = key => ExecuteAsync(new NpgsqlConnection(postgres), "INSERT INTO bench_keys (key, points) VALUES ($1, 1) ON CONFLICT (key) DO NOTHING", key);
                break;
            default:
                throw new InvalidOperationException($"Unknown store '{Store}'.");
        }

        var program = new LoyaltyProgram("bench", Eur, DateTimeZone.Utc)
        {
            Rounding = PointsRounding.Down,
            DebtPolicy = DebtPolicy.Refuse,
            SpendRules = [new SpendRule("base", 1m)],
            ExpiryMonths = 12,
        };
        _manager = new LoyaltyManager(_store, SystemClock.Instance, provider.GetRequiredService<ICrmEventIdGenerator>(),
            NullLogger<LoyaltyManager>.Instance, Options.Create(new LoyaltyOptions { Program = program }));
    }

    /// <summary>CrmCore: accrue one euro, redeem one point, repeated; every command guarded and keyed.</summary>
    [Benchmark(OperationsPerInvoke = Commands)]
    public Task Ledger() => RunWritersAsync(async (member, writerRun, i) =>
    {
        await _manager.AccruePurchaseAsync(Tenant, member, new Purchase($"{writerRun}-{i}", Start, [new PurchaseLine("1", new Money(1m, Eur))]));
        await _manager.RedeemAsync(Tenant, member, 1, new IdempotencyKey($"redeem-{writerRun}-{i}"));
    });

    /// <summary>The peer: one idempotent insert per command, nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Commands)]
    public Task BareIdempotentInsert() => RunWritersAsync(async (_, writerRun, i) =>
    {
        await _bareInsert($"accrue-{writerRun}-{i}");
        await _bareInsert($"redeem-{writerRun}-{i}");
    });

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _cleanup();
        if (_schema.Length > 0)
        {
            await BenchmarkSchemas.DropAsync(_schema);
        }
    }

    /// <inheritdoc />
    public void Dispose() => GC.SuppressFinalize(this);

    private Task RunWritersAsync(Func<ContactId, string, int, Task> pair)
    {
        var run = Interlocked.Increment(ref _run);
        var pairsPerWriter = Commands / 2 / Writers;
        return Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var member = ContactId.New();
            for (var i = 0; i < pairsPerWriter; i++)
            {
                await pair(member, $"{run}-{w}", i);
            }
        })));
    }

    private async Task SetUpDatabaseAsync(DbContextOptions<CrmDbContext> options, CrmEventSerializer serializer)
    {
        await using (var db = new CrmDbContext(options))
        {
            await CrmSchema.EnsureCreatedAsync(db);
        }

        _store = new EfLoyaltyStore<CrmDbContext>(new PooledDbContextFactory<CrmDbContext>(options), serializer);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, string? key = null)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (key is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = connection is SqliteConnection ? "$key" : "";
                parameter.Value = key;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>In this process, with BenchmarkDotNet's pilot choosing the invocations per iteration (one for the databases).</summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() => AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15));
    }
}
