using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Samples.RetentionReport.Storage;

/// <summary>
/// Sets <c>PRAGMA synchronous = NORMAL</c> on every connection: with the file in WAL mode a commit then waits for no disk
/// flush of the log, yet the database cannot be corrupted (only the last commits may be lost on a power cut). See docs/persistence.md.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
