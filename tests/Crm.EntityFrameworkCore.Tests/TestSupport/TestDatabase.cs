using Crm.EntityFrameworkCore.Storage;
using Crm.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.EntityFrameworkCore.Tests.TestSupport;

/// <summary>The database a test runs against.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>One empty CrmCore database (a SQLite file, or a PostgreSQL schema) with its tables, dropped on dispose.</summary>
public sealed class TestDatabase : IDbContextFactory<CrmDbContext>, IDisposable
{
    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "crm-ef-tests");

    private readonly Action<DbContextOptionsBuilder> _configure;
    private readonly DbContextOptions<CrmDbContext> _options;
    private readonly Action _drop;

    private TestDatabase(Provider provider, Action<DbContextOptionsBuilder> configure, Action drop, string connectionString)
    {
        Provider = provider;
        _configure = configure;
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        configure(builder);
        _options = builder.Options;
        _drop = drop;
        ConnectionString = connectionString;
        using var context = CreateDbContext();
        CrmSchema.EnsureCreatedAsync(context).GetAwaiter().GetResult();
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A new, empty database of <paramref name="provider"/>; every context over it runs <paramref name="interceptors"/>.</summary>
    public static TestDatabase Create(Provider provider, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
        => provider == Provider.Sqlite ? Sqlite(interceptors) : Postgres(interceptors);

    /// <summary>Configures a context (the CRM one or a host's) for this database.</summary>
    public void Configure(DbContextOptionsBuilder builder) => _configure(builder);

    public static TestDatabase Sqlite(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        Directory.CreateDirectory(SqliteFolder);
        var file = Path.Combine(SqliteFolder, $"{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 60 }.ToString();
        using (var wal = new SqliteConnection(connection))
        {
            wal.Open();
            using var command = wal.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        return new TestDatabase(Provider.Sqlite, b => b.UseSqlite(connection).AddInterceptors([SqliteTuning.Instance, .. interceptors]), () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Left for the OS to clean up with the temp folder.
                }
            }
        }, connection);
    }

    public static TestDatabase Postgres(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var server = PostgresServer.Require();
        var schema = $"t_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            create.ExecuteNonQuery();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 40 }.ToString();
        return new TestDatabase(Provider.Postgres, b => b.UseNpgsql(connection, o => o.UseNodaTime()).AddInterceptors(interceptors), () =>
        {
            using (var pooled = new NpgsqlConnection(connection))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            drop.ExecuteNonQuery();
        }, connection);
    }

    public CrmDbContext CreateDbContext() => new(_options);

    /// <summary>A thread-safe store over this database (a new context per call), as the specification's parallel writers need.</summary>
    public EfContactStore<CrmDbContext> CreateStore() => new(this, Serializer);

    /// <summary>A thread-safe interaction store over this database (a new context per call).</summary>
    public Crm.EntityFrameworkCore.Interactions.EfInteractionStore<CrmDbContext> CreateInteractionStore() => new(this, Serializer);

    /// <summary>A scoped store over <paramref name="context"/>.</summary>
    public static EfContactStore<CrmDbContext> CreateStore(CrmDbContext context) => new(context, Serializer);

    /// <summary>A thread-safe loyalty store over this database (a new context per call).</summary>
    public Crm.EntityFrameworkCore.Loyalty.EfLoyaltyStore<CrmDbContext> CreateLoyaltyStore() => new(this, Serializer);

    /// <summary>The event serializer with the contacts, interactions and loyalty packages' events registered, as <c>AddContacts()</c>, <c>AddInteractions()</c> and <c>AddLoyalty()</c> set it up.</summary>
    public static CrmEventSerializer Serializer { get; } = CreateSerializer();

    public void Dispose() => _drop();

    private static CrmEventSerializer CreateSerializer()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.CrmLoyaltyServiceCollectionExtensions.AddLoyalty(
            Microsoft.Extensions.DependencyInjection.CrmInteractionsServiceCollectionExtensions.AddInteractions(
                Microsoft.Extensions.DependencyInjection.CrmContactsServiceCollectionExtensions.AddContacts(
                    Microsoft.Extensions.DependencyInjection.CrmServiceCollectionExtensions.AddCrm(services))));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CrmEventSerializer>(provider);
    }
}

/// <summary>WAL with synchronous = NORMAL on every connection: durable across crashes of the process, fast commits (the setting SQLite recommends with WAL).</summary>
internal sealed class SqliteTuning : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static SqliteTuning Instance { get; } = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The databases one test made (the specification calls CreateStore once, sometimes twice), dropped when the test class instance is disposed.</summary>
public sealed class TestDatabases(Provider provider) : IDisposable
{
    private readonly List<TestDatabase> _made = [];

    public Provider Provider => provider;

    /// <summary>A new, empty database, dropped with the others.</summary>
    public TestDatabase New(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var database = TestDatabase.Create(provider, interceptors);
        _made.Add(database);
        return database;
    }

    public EfContactStore<CrmDbContext> CreateStore() => New().CreateStore();

    public Crm.EntityFrameworkCore.Loyalty.EfLoyaltyStore<CrmDbContext> CreateLoyaltyStore() => New().CreateLoyaltyStore();
    public Crm.EntityFrameworkCore.Interactions.EfInteractionStore<CrmDbContext> CreateInteractionStore() => New().CreateInteractionStore();

    public void Dispose()
    {
        foreach (var database in _made)
        {
            database.Dispose();
        }

        _made.Clear();
    }
}

/// <summary>A test class over fresh databases of one provider, dropped after each test.</summary>
public abstract class DatabaseTests(Provider provider) : IDisposable
{
    protected TestDatabases Databases { get; } = new(provider);

    protected Provider Provider => provider;

    public void Dispose()
    {
        Databases.Dispose();
        GC.SuppressFinalize(this);
    }
}
