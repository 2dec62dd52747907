using Microsoft.Data.Sqlite;

namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>Asks a CRM database file questions in plain SQL, read-only: an account of what is stored that owes nothing to the stores.</summary>
internal static class SqliteFile
{
    /// <summary>The integer the one-value query <paramref name="sql"/> returns in <paramref name="file"/>.</summary>
    public static async Task<long> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
