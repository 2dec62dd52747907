using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Cohorts;
using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>The monthly cohort matrix (active customers and revenue per cohort and month since acquisition, UTC), by each contestant.</summary>
public class CohortMatrixPeerBenchmarks : PeerBenchmark
{
    private const string Sql = """
        WITH m AS (
            SELECT customer, year(ts) * 12 + month(ts) - 1 AS period, SUM(amount) AS amount
            FROM purchases GROUP BY customer, period),
        f AS (SELECT customer, MIN(period) AS cohort FROM m GROUP BY customer)
        SELECT f.cohort, m.period - f.cohort AS k, COUNT(*) AS active, SUM(m.amount) AS revenue
        FROM m JOIN f USING (customer) GROUP BY f.cohort, k ORDER BY f.cohort, k
        """;

    [Benchmark(Baseline = true)]
    public Cell[] DuckDbSql() => DuckDbSql(DuckDb!);

    [Benchmark]
    public CohortMatrix CrmMetricsSequential() => CrmMetricsSequential(Data);

    [Benchmark]
    public CohortMatrix CrmMetricsParallel() => CrmMetricsParallel(Data);

    [Benchmark]
    public Cell[] NaiveLinq() => NaiveLinq(Data);

    internal static CohortMatrix CrmMetricsSequential(PeerData data)
    {
        var accumulator = new CohortAccumulator<long>(PeriodUnit.Month, DateTimeZone.Utc);
        foreach (var purchase in data.Purchases)
        {
            accumulator.Add(purchase);
        }

        return accumulator.GetResult();
    }

    internal static CohortMatrix CrmMetricsParallel(PeerData data)
        => new CohortAccumulator<long>(PeriodUnit.Month, DateTimeZone.Utc)
            .AddRangeInParallel(data.Purchases, () => new CohortAccumulator<long>(PeriodUnit.Month, DateTimeZone.Utc))
            .GetResult();

    internal static Cell[] DuckDbSql(DuckDbPurchases db)
    {
        var cells = new List<Cell>();
        using var reader = db.Query(Sql);
        while (reader.Read())
        {
            cells.Add(new Cell((int)reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetInt64(2), reader.GetDecimal(3)));
        }

        return [.. cells];
    }

    // Group by customer to find each one's first month, then group the customer-months by (cohort, months since).
    internal static Cell[] NaiveLinq(PeerData data)
        => data.Purchases
            .GroupBy(p => p.Customer)
            .SelectMany(g =>
            {
                var months = g.GroupBy(p => MonthOf(p.At!.Value), (month, ps) => (Month: month, Revenue: ps.Sum(p => p.Amount))).ToList();
                var first = months.Min(m => m.Month);
                return months.Select(m => (Cohort: first, Offset: m.Month - first, m.Revenue));
            })
            .GroupBy(c => (c.Cohort, c.Offset), (key, cs) => new Cell(key.Cohort, key.Offset, cs.LongCount(), cs.Sum(c => c.Revenue)))
            .OrderBy(c => c.Cohort).ThenBy(c => c.Offset)
            .ToArray();

    internal static Cell[] Answer(CohortMatrix matrix)
        => [.. matrix.Cohorts.SelectMany(row => row.ActiveCustomers
            .Select((active, k) => new Cell(MonthOf(row.AcquisitionPeriod.Dates.Start), k, active, row.Revenue[k]))
            .Where(c => c.Active > 0))];

    private static int MonthOf(Instant at) => MonthOf(at.InUtc().Date);

    private static int MonthOf(LocalDate date) => (date.Year * 12) + date.Month - 1;

    /// <summary>One cell: the cohort (months since year 0), months since acquisition, active customers and revenue.</summary>
    public readonly record struct Cell(int Cohort, int Offset, long Active, decimal Revenue);
}
