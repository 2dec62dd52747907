using System.Diagnostics;
using Npgsql;

namespace Crm.Benchmarks.Contacts;

/// <summary>
/// The throwaway PostgreSQL schemas of the benchmarks: named <c>crmbench_&lt;process id&gt;_&lt;guid&gt;</c>, dropped by
/// <see cref="DropAllAsync"/> (each benchmark's <c>GlobalCleanup</c>), by a failed setup, and at process exit; schemas
/// left by a benchmark process that no longer runs (killed, crashed) are dropped when the next one starts.
/// </summary>
internal static class BenchmarkSchemas
{
    private const string Prefix = "crmbench_";
    private static readonly HashSet<string> Made = [];

    static BenchmarkSchemas() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAllAsync().GetAwaiter().GetResult();

    /// <summary>The server the benchmarks use (<c>CRM_TEST_POSTGRES</c>).</summary>
    public static string Server => Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set CRM_TEST_POSTGRES (bash tests/Crm.EntityFrameworkCore.Tests/postgres.sh start).");

    /// <summary>Creates a new schema (after dropping the orphans of dead benchmark processes) and returns a connection string whose search path is it.</summary>
    public static async Task<(string Schema, string ConnectionString)> CreateAsync()
    {
        await DropOrphansAsync();
        var schema = $"{Prefix}{Environment.ProcessId}_{Guid.NewGuid():N}";
        lock (Made)
        {
            Made.Add(schema);
        }

        await ExecuteAsync($"CREATE SCHEMA {schema}");
        return (schema, new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema, ApplicationName = Owner(Environment.ProcessId) }.ToString());
    }

    /// <summary>Drops one schema made by <see cref="CreateAsync"/>.</summary>
    public static async Task DropAsync(string schema)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        lock (Made)
        {
            Made.Remove(schema);
        }
    }

    /// <summary>Drops every schema this process made and has not dropped yet.</summary>
    public static async Task DropAllAsync()
    {
        string[] left;
        lock (Made)
        {
            left = [.. Made];
        }

        foreach (var schema in left)
        {
            await DropAsync(schema);
        }
    }

    private static async Task DropOrphansAsync()
    {
        var orphans = new List<string>();
        await using (var admin = new NpgsqlConnection(Server))
        {
            await admin.OpenAsync();
            // A schema is an orphan when the process in its name is gone and no session of that process is connected.
            await using var list = new NpgsqlCommand(
                $"SELECT nspname FROM pg_namespace n WHERE nspname LIKE '{Prefix}%' AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = '{Prefix}' || split_part(substr(n.nspname, {Prefix.Length + 1}), '_', 1))",
                admin);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                var parts = name[Prefix.Length..].Split('_');
                if (parts.Length == 2 && int.TryParse(parts[0], out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
                {
                    orphans.Add(name);
                }
            }
        }

        foreach (var orphan in orphans)
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS {orphan} CASCADE");
        }
    }

    /// <summary>The application name of a benchmark process's sessions.</summary>
    private static string Owner(int pid) => $"{Prefix}{pid}";

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
