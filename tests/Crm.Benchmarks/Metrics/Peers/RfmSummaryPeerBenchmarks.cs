using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>The RFM summary (lifetimes' summary_data_from_transaction_data, daily, UTC) of the whole log, by each contestant.</summary>
public class RfmSummaryPeerBenchmarks : PeerBenchmark
{
    private static readonly CustomerSummaryOptions Options = new(DateTimeZone.Utc, PeerData.ObservationEnd, CustomerSummaryTimeUnit.Day);

    private const string Sql = """
        WITH d AS (
            SELECT customer, CAST(ts AS DATE) AS day, SUM(amount) AS total
            FROM purchases WHERE CAST(ts AS DATE) <= DATE '2024-12-31' GROUP BY customer, day),
        c AS (
            SELECT customer, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) - 1 AS frequency,
                   SUM(total) - arg_min(total, day) AS repeat_total
            FROM d GROUP BY customer)
        SELECT customer, frequency, date_diff('day', first_day, last_day), date_diff('day', first_day, DATE '2024-12-31'), repeat_total
        FROM c ORDER BY customer
        """;

    [Benchmark(Baseline = true)]
    public Row[] DuckDbSql() => DuckDbSql(DuckDb!);

    [Benchmark]
    public CustomerSummarySet<long> CrmMetricsSequential() => CrmMetricsSequential(Data);

    [Benchmark]
    public CustomerSummarySet<long> CrmMetricsParallel() => CrmMetricsParallel(Data);

    [Benchmark]
    public Row[] NaiveLinq() => NaiveLinq(Data);

    internal static CustomerSummarySet<long> CrmMetricsSequential(PeerData data)
    {
        var builder = new CustomerSummaryBuilder<long>(Options);
        foreach (var purchase in data.Purchases)
        {
            builder.Add(purchase);
        }

        return builder.GetResult();
    }

    internal static CustomerSummarySet<long> CrmMetricsParallel(PeerData data)
        => new CustomerSummaryBuilder<long>(Options).AddRangeInParallel(data.Purchases, () => new CustomerSummaryBuilder<long>(Options)).GetResult();

    internal static Row[] DuckDbSql(DuckDbPurchases db)
    {
        var rows = new List<Row>();
        using var reader = db.Query(Sql);
        while (reader.Read())
        {
            var frequency = reader.GetInt64(1);
            rows.Add(new Row(reader.GetInt64(0), (int)frequency, reader.GetInt64(2), reader.GetInt64(3), frequency == 0 ? 0m : reader.GetDecimal(4) / frequency));
        }

        return [.. rows];
    }

    // What a developer writes first: group by customer, then by day, then read the summary off the ordered days.
    internal static Row[] NaiveLinq(PeerData data)
    {
        var end = PeerData.ObservationEnd;
        return data.Purchases
            .Select(p => (p.Customer, Day: p.At!.Value.InUtc().Date, p.Amount))
            .Where(p => p.Day <= end)
            .GroupBy(p => p.Customer)
            .Select(g =>
            {
                var days = g.GroupBy(p => p.Day, (day, ps) => (Day: day, Total: ps.Sum(p => p.Amount))).OrderBy(d => d.Day).ToList();
                var frequency = days.Count - 1;
                return new Row(
                    g.Key,
                    frequency,
                    Period.DaysBetween(days[0].Day, days[^1].Day),
                    Period.DaysBetween(days[0].Day, end),
                    frequency == 0 ? 0m : days.Skip(1).Sum(d => d.Total) / frequency);
            })
            .OrderBy(r => r.Customer)
            .ToArray();
    }

    internal static Row[] Answer(CustomerSummarySet<long> set)
        => [.. set.Customers.Select(c => new Row(c.Customer, c.Frequency, (long)c.Recency, (long)c.Age, c.MonetaryValue))];

    /// <summary>One customer's summary in days, as every contestant reports it.</summary>
    public readonly record struct Row(long Customer, int Frequency, long RecencyDays, long AgeDays, decimal MonetaryValue);
}
