using System.Data.Common;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.EntityFrameworkCore.Tests.Schema;

/// <summary>Issue 8 (6): the schema scripts are generated from the model, reviewed in the repository, idempotent, and agree with the model.</summary>
public abstract class CrmSchemaTests(Provider provider) : DatabaseTests(provider)
{
    [Fact]
    public void The_script_generated_from_the_model_is_the_reviewed_script_in_the_repository()
    {
        var generated = GenerateOffline(Provider);
        var file = ReviewedScriptPath(Provider);
        var reviewed = File.Exists(file) ? File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (generated != reviewed)
        {
            File.WriteAllText(file + ".received", generated);
        }

        generated.Should().Be(reviewed, $"the model changed: review {file}.received against {file} and, if intended, move it over the reviewed file (the schema change then needs a note in docs/persistence.md)");
    }

    [Fact]
    public async Task Applying_the_script_again_changes_nothing()
    {
        var database = NewDatabase();
        await using var context = database.CreateDbContext();

        await CrmSchema.EnsureCreatedAsync(context);
        await CrmSchema.EnsureCreatedAsync(context);

        (await IndexNamesAsync(context)).Should().Contain(ModelIndexNames(context));
    }

    [Fact]
    public async Task Every_table_column_and_index_of_the_model_exists_after_the_script()
    {
        var database = NewDatabase();
        await using var context = database.CreateDbContext();

        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
#pragma warning disable EF1002 // Names from the model, not input.
            var act = () => context.Database.ExecuteSqlRawAsync($"SELECT {string.Join(", ", columns)} FROM {table} WHERE 1 = 0");
#pragma warning restore EF1002
            await act.Should().NotThrowAsync($"table {table} must have the columns {string.Join(", ", columns)}");
        }

        (await IndexNamesAsync(context)).Should().Contain(ModelIndexNames(context));
    }

    /// <summary>The script for <paramref name="provider"/>, generated without a server (generation needs only the provider's SQL generator).</summary>
    internal static string GenerateOffline(Provider provider)
    {
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        _ = provider == Provider.Sqlite
            ? builder.UseSqlite("Data Source=:memory:")
            : builder.UseNpgsql("Host=localhost;Database=offline", o => o.UseNodaTime());
        using var context = new CrmDbContext(builder.Options);
        return CrmSchema.GenerateScript(context);
    }

    internal static string ReviewedScriptPath(Provider provider)
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "CrmCore.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("CrmCore.sln not found above the test output.");
        }

        return Path.Combine(directory, "src", "Crm.EntityFrameworkCore", "Schema", provider == Provider.Sqlite ? "crm.sqlite.sql" : "crm.postgresql.sql");
    }

    private TestDatabase NewDatabase() => Databases.New();

    private static IEnumerable<string> ModelIndexNames(DbContext context)
        => context.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Select(i => i.GetDatabaseName()!);

    private async Task<List<string>> IndexNamesAsync(DbContext context)
    {
        var sql = Provider == Provider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()";
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}

public sealed class SqliteSchemaTests() : CrmSchemaTests(Provider.Sqlite);

public sealed class PostgresSchemaTests() : CrmSchemaTests(Provider.Postgres), IPostgresTests;
