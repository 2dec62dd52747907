using System.Globalization;
using DuckDB.NET.Data;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>An in-process DuckDB database holding the purchase log in one table, loaded with the appender (not timed).</summary>
internal sealed class DuckDbPurchases : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbPurchases(PeerData data)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute("CREATE TABLE purchases (customer BIGINT NOT NULL, ts TIMESTAMP NOT NULL, amount DECIMAL(18, 2) NOT NULL)");
        using (var appender = _connection.CreateAppender("purchases"))
        {
            foreach (var p in data.Purchases)
            {
                appender.CreateRow().AppendValue(p.Customer).AppendValue(p.At!.Value.ToDateTimeUtc()).AppendValue(p.Amount).EndRow();
            }
        }

        Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA threads={Environment.ProcessorCount}"));
    }

    public DuckDBDataReader Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteReader();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
