using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Pareto;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>The share of revenue brought by the top 20 % of customers (⌈20 % × customers⌉ of them, ties by key), by each contestant.</summary>
public class ParetoSharePeerBenchmarks : PeerBenchmark
{
    private const string Sql = """
        WITH t AS (SELECT customer, SUM(amount) AS total FROM purchases GROUP BY customer),
        r AS (SELECT total, row_number() OVER (ORDER BY total DESC, customer) AS rank, COUNT(*) OVER () AS n FROM t)
        SELECT COUNT(*) FILTER (WHERE rank <= CEIL(n * 0.2)), SUM(total) FILTER (WHERE rank <= CEIL(n * 0.2)), SUM(total) FROM r
        """;

    [Benchmark(Baseline = true)]
    public Share DuckDbSql() => DuckDbSql(DuckDb!);

    [Benchmark]
    public Share CrmMetricsSequential() => CrmMetricsSequential(Data);

    [Benchmark]
    public Share CrmMetricsParallel() => CrmMetricsParallel(Data);

    [Benchmark]
    public Share NaiveLinq() => NaiveLinq(Data);

    internal static Share CrmMetricsSequential(PeerData data)
    {
        var accumulator = new ParetoAccumulator<long>();
        foreach (var purchase in data.Purchases)
        {
            accumulator.Add(purchase);
        }

        return Answer(accumulator.GetResult().TopShare(0.2));
    }

    internal static Share CrmMetricsParallel(PeerData data)
        => Answer(new ParetoAccumulator<long>().AddRangeInParallel(data.Purchases, () => new ParetoAccumulator<long>()).GetResult().TopShare(0.2));

    internal static Share DuckDbSql(DuckDbPurchases db)
    {
        using var reader = db.Query(Sql);
        reader.Read();
        return new Share(reader.GetInt64(0), reader.GetDecimal(1), reader.GetDecimal(2));
    }

    // Sum per customer, sort, take the top fifth.
    internal static Share NaiveLinq(PeerData data)
    {
        var totals = data.Purchases.GroupBy(p => p.Customer, (customer, ps) => (Customer: customer, Total: ps.Sum(p => p.Amount)))
            .OrderByDescending(t => t.Total).ThenBy(t => t.Customer).ToList();
        var top = (int)Math.Ceiling(totals.Count * 0.2m);
        return new Share(top, totals.Take(top).Sum(t => t.Total), totals.Sum(t => t.Total));
    }

    internal static Share Answer(ParetoShare share) => new(share.TopCustomers, share.TopAmount, share.TotalAmount);

    /// <summary>How many customers the top 20 % is, their revenue and the total revenue.</summary>
    public readonly record struct Share(long TopCustomers, decimal TopAmount, decimal TotalAmount);
}
