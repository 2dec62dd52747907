using System.Globalization;
using Crm.EntityFrameworkCore;
using Crm.EntityFrameworkCore.Interactions;
using Crm.Events;
using Crm.Interactions;
using Crm.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Benchmarks.Interactions;

/// <summary>
/// The ways to read a 50-row page of the heavy contact's timeline, newest first: <see cref="EfInteractionStore{TContext}"/>
/// (keyset on <c>ix_crm_interactions_timeline</c>), and the two a user would otherwise write with plain ADO.NET — an
/// <c>OFFSET</c> query on the same index, and loading the contact's whole history and sorting it in memory.
/// </summary>
internal sealed class TimelineContestants : IDisposable
{
    public const int PageSize = 50;
    private static readonly TenantId Tenant = new(TimelineData.Tenant);
    private static readonly ContactId Heavy = new(TimelineData.HeavyContact);
    private const string Columns = "id, kind, channel, direction, occurred_at, team_member, summary";

    private readonly ServiceProvider _services;
    private readonly CrmDbContext _db;
    private readonly SqliteConnection _sqlite;

    public TimelineContestants(int total)
    {
        var connection = TimelineData.Open(total);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrm().AddInteractions();
        _services = services.BuildServiceProvider();
        _db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(connection).Options);
        Store = new EfInteractionStore<CrmDbContext>(_db, _services.GetRequiredService<CrmEventSerializer>());
        _sqlite = new SqliteConnection(connection);
        _sqlite.Open();
        HistoryLength = Scalar("SELECT COUNT(*) FROM crm_interactions WHERE tenant_id = $t AND contact_id = $c");
        DeepOffset = (int)(HistoryLength / 2);
        DeepCursor = CursorAt(DeepOffset - 1);
    }

    /// <summary>The store under test, over one context (as one request scope would hold it).</summary>
    public EfInteractionStore<CrmDbContext> Store { get; }

    /// <summary>How many interactions the heavy contact has.</summary>
    public long HistoryLength { get; }

    /// <summary>The position of the deep page: the middle of the heavy contact's history.</summary>
    public int DeepOffset { get; }

    /// <summary>The store's cursor of the row just before <see cref="DeepOffset"/>.</summary>
    public string DeepCursor { get; }

    public async Task<IReadOnlyList<Guid>> StorePageAsync(string? cursor)
    {
        var page = await Store.GetTimelineAsync(Tenant, Heavy, TimelineFilter.All, cursor is null ? PageRequest.First(PageSize) : PageRequest.After(cursor, PageSize), CancellationToken.None);
        return [.. page.Items.Select(static i => i.Id.Value)];
    }

    public IReadOnlyList<Guid> OffsetPage(int offset)
    {
        using var command = Command($"SELECT {Columns} FROM crm_interactions WHERE tenant_id = $t AND contact_id = $c ORDER BY occurred_at DESC, id DESC LIMIT {PageSize} OFFSET $o");
        command.Parameters.AddWithValue("$o", offset);
        return [.. Read(command).Select(static r => r.Id)];
    }

    public IReadOnlyList<Guid> LoadAndSortPage(int offset)
    {
        using var command = Command($"SELECT {Columns} FROM crm_interactions WHERE tenant_id = $t AND contact_id = $c");
        return [.. Read(command).OrderByDescending(static r => r.OccurredAt).ThenByDescending(static r => r.Id).Skip(offset).Take(PageSize).Select(static r => r.Id)];
    }

    /// <summary>Runs every contestant on the first and the deep page and returns an error when any answer differs from the store's.</summary>
    public async Task<string?> CheckAsync()
    {
        var first = await StorePageAsync(null);
        var deep = await StorePageAsync(DeepCursor);
        if (first.Count != PageSize || deep.Count != PageSize)
        {
            return $"the store returned {first.Count} and {deep.Count} rows instead of {PageSize}";
        }

        return !first.SequenceEqual(OffsetPage(0)) ? "OFFSET differs on the first page"
            : !deep.SequenceEqual(OffsetPage(DeepOffset)) ? "OFFSET differs on the deep page"
            : !first.SequenceEqual(LoadAndSortPage(0)) ? "load-and-sort differs on the first page"
            : !deep.SequenceEqual(LoadAndSortPage(DeepOffset)) ? "load-and-sort differs on the deep page"
            : null;
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _db.Dispose();
        _services.Dispose();
    }

    private string CursorAt(int offset)
    {
        using var command = Command("SELECT occurred_at, id FROM crm_interactions WHERE tenant_id = $t AND contact_id = $c ORDER BY occurred_at DESC, id DESC LIMIT 1 OFFSET $o");
        command.Parameters.AddWithValue("$o", offset);
        using var reader = command.ExecuteReader();
        reader.Read();
        return string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}.{Guid.Parse(reader.GetString(1)):N}");
    }

    private long Scalar(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(string sql)
    {
        var command = _sqlite.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$t", TimelineData.Tenant);
        command.Parameters.AddWithValue("$c", TimelineData.Text(TimelineData.HeavyContact));
        return command;
    }

    private static List<RawEntry> Read(SqliteCommand command)
    {
        var rows = new List<RawEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new RawEntry(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>A timeline row as a hand-written reader would hold it.</summary>
    private sealed record RawEntry(Guid Id, string Kind, string Channel, string Direction, long OccurredAt, string? TeamMember, string? Summary);
}
