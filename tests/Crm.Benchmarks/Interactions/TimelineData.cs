using System.Diagnostics;
using System.Globalization;
using Crm.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.Benchmarks.Interactions;

/// <summary>
/// The SQLite databases of the timeline benchmark: <c>total</c> interactions of one tenant, one heavy contact holding 1 %
/// of them and the rest spread round-robin over <c>total / 10</c> contacts (10,000,000 → 1,000,000 contacts + one with
/// 100,000), over five years, in the schema <see cref="CrmSchema"/> creates. Loaded with one prepared <c>INSERT</c>
/// re-executed in one transaction (no change tracking), the secondary indexes dropped during the load and created again
/// by the schema script after it. Ids are sequential (as UUIDv7 would be), so the load appends to the primary key.
/// Each database is kept under <c>$TMPDIR/crm-bench-timeline</c> and reused by the next benchmark process (BenchmarkDotNet
/// runs each case in its own process); delete the folder to rebuild.
/// </summary>
internal static class TimelineData
{
    public const string Tenant = "bench-timeline";
    private const int FormatVersion = 1;
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "crm-bench-timeline");
    private static readonly Instant Start = Instant.FromUtc(2021, 1, 1, 0, 0);
    private static readonly string[] Kinds = ["Call", "Email", "Message", "Meeting", "Note", "Purchase", "Email", "CaseEvent"];

    /// <summary>The contact holding 1 % of the interactions.</summary>
    public static readonly Guid HeavyContact = new("00000000-0000-0000-0000-00000000beef");

    /// <summary>The id of row <paramref name="i"/>: ascending with <paramref name="i"/> in SQLite's text order.</summary>
    private static Guid RowId(long i) => new((int)(i >> 16), (short)(i & 0xffff), 0x7000, 0x80, 0, 0, 0, 0, 0, 0, 1);

    private static Guid ContactOf(long i, long contacts) => i % 100 == 0 ? HeavyContact : new Guid((int)(i % contacts) + 1, 0, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 2);

    /// <summary>The connection string of the database with <paramref name="total"/> interactions, built first when missing.</summary>
    public static string Open(int total)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"timeline-{total}.db");
        var marker = file + ".ok";
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        if (File.Exists(marker) && File.ReadAllText(marker) == FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            return connection;
        }

        SqliteConnection.ClearAllPools();
        foreach (var old in Directory.EnumerateFiles(Folder, $"timeline-{total}.db*"))
        {
            File.Delete(old);
        }

        var watch = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(connection).Options;
        using (var db = new CrmDbContext(options))
        {
            CrmSchema.EnsureCreatedAsync(db).GetAwaiter().GetResult();
        }

        using (var sqlite = new SqliteConnection(connection))
        {
            sqlite.Open();
            Execute(sqlite, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
            Execute(sqlite, "DROP INDEX ix_crm_interactions_timeline; DROP INDEX ix_crm_interactions_activity; DROP INDEX ix_crm_interactions_coverage;");
            Load(sqlite, total);
            Console.WriteLine($"// timeline data: {total:N0} rows inserted in {watch.Elapsed.TotalSeconds:F0} s");
        }

        // The schema script again: CREATE INDEX IF NOT EXISTS builds the three dropped indexes from sorted runs.
        using (var db = new CrmDbContext(options))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            CrmSchema.EnsureCreatedAsync(db).GetAwaiter().GetResult();
        }

        SqliteConnection.ClearAllPools();
        File.WriteAllText(marker, FormatVersion.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"// timeline data: {total:N0} interactions ready in {watch.Elapsed.TotalSeconds:F0} s ({new FileInfo(file).Length / 1048576:N0} MiB)");
        return connection;
    }

    private static void Load(SqliteConnection sqlite, int total)
    {
        var contacts = Math.Max(1, total / 10);
        var span = Duration.FromDays(5 * 365).TotalTicks;
        var random = new Random(20261202);
        using var transaction = sqlite.BeginTransaction();
        using var insert = sqlite.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO crm_interactions (tenant_id, id, contact_id, kind, channel, direction, occurred_at, team_member, summary, recorded_at, stamp) "
            + "VALUES ($tenant, $id, $contact, $kind, $channel, $direction, $at, $member, $summary, $at, $stamp)";
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$tenant", "$id", "$contact", "$kind", "$channel", "$direction", "$at", "$member", "$summary", "$stamp" })
        {
            p[name] = insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        insert.Prepare();
        p["$tenant"].Value = Tenant;
        for (long i = 0; i < total; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var direction = kind switch
            {
                "Note" or "CaseEvent" => "Internal",
                "Purchase" => "Inbound",
                _ => random.Next(2) == 0 ? "Inbound" : "Outbound",
            };
            p["$id"].Value = Text(RowId(i));
            p["$contact"].Value = Text(ContactOf(i, contacts));
            p["$kind"].Value = kind;
            p["$channel"].Value = kind switch { "Call" => "Phone", "Email" => "Email", "Message" => "Chat", "Meeting" => "InPerson", "Purchase" => "Web", _ => "None" };
            p["$direction"].Value = direction;
            p["$at"].Value = Start.ToUnixTimeTicks() + (long)(random.NextDouble() * span);
            p["$member"].Value = direction == "Internal" && i % 3 != 0 ? DBNull.Value : $"agent-{i % 40}";
            p["$summary"].Value = $"Benchmark touchpoint {i}";
            p["$stamp"].Value = Text(new Guid((int)(i >> 16), (short)(i & 0xffff), 0x7000, 0x80, 0, 0, 0, 0, 0, 0, 3));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>A GUID as EF Core's SQLite provider stores it: upper-case text.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static void Execute(SqliteConnection sqlite, string sql)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
