using BenchmarkDotNet.Attributes;
using Crm.Metrics;
using Crm.Metrics.Periods;
using Crm.Metrics.Retention;
using NodaTime;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>Retention of Q2 2024 (UTC) with a 90-day inactivity window — S, N and E — by each contestant.</summary>
public class QuarterlyRetentionPeerBenchmarks : PeerBenchmark
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Quarter(2024, 2, DateTimeZone.Utc);
    private static readonly Period Window = Period.FromDays(90);

    private const string Sql = """
        WITH c AS (
            SELECT customer,
                   MAX(ts) FILTER (WHERE ts < TIMESTAMP '2024-04-01') AS last_before_start,
                   MAX(ts) AS last_before_end,
                   BOOL_OR(ts >= TIMESTAMP '2024-04-01') AS during
            FROM purchases WHERE ts < TIMESTAMP '2024-07-01' GROUP BY customer),
        a AS (
            SELECT COALESCE(last_before_start + INTERVAL 90 DAY > TIMESTAMP '2024-04-01', false) AS at_start,
                   last_before_end + INTERVAL 90 DAY > TIMESTAMP '2024-07-01' AS at_end, during
            FROM c)
        SELECT COUNT(*) FILTER (WHERE at_start), COUNT(*) FILTER (WHERE NOT at_start AND during), COUNT(*) FILTER (WHERE at_end)
        FROM a
        """;

    [Benchmark(Baseline = true)]
    public Counts DuckDbSql() => DuckDbSql(DuckDb!);

    [Benchmark]
    public RetentionResult CrmMetricsSequential() => CrmMetricsSequential(Data);

    [Benchmark]
    public RetentionResult CrmMetricsParallel() => CrmMetricsParallel(Data);

    [Benchmark]
    public Counts NaiveLinq() => NaiveLinq(Data);

    internal static RetentionResult CrmMetricsSequential(PeerData data)
    {
        var accumulator = new ActivityRetentionAccumulator<long>(Quarter, Window);
        foreach (var purchase in data.Purchases)
        {
            accumulator.Add(purchase);
        }

        return accumulator.GetResult();
    }

    internal static RetentionResult CrmMetricsParallel(PeerData data)
        => new ActivityRetentionAccumulator<long>(Quarter, Window)
            .AddRangeInParallel(data.Purchases, () => new ActivityRetentionAccumulator<long>(Quarter, Window))
            .GetResult();

    internal static Counts DuckDbSql(DuckDbPurchases db)
    {
        using var reader = db.Query(Sql);
        reader.Read();
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    // Group by customer, then read each one's last purchase before the start and the end.
    internal static Counts NaiveLinq(PeerData data)
    {
        var start = Quarter.Interval.Start;
        var end = Quarter.Interval.End;
        var window = Duration.FromDays(90); // UTC: 90 local days are 90 × 24 hours
        var customers = data.Purchases.Where(p => p.At < end).GroupBy(p => p.Customer).Select(g =>
        {
            var before = g.Where(p => p.At < start).Select(p => (Instant?)p.At).Max();
            var atStart = before is { } b && b + window > start;
            return (AtStart: atStart, New: !atStart && g.Any(p => p.At >= start), AtEnd: g.Max(p => p.At) + window > end);
        }).ToList();
        return new Counts(customers.LongCount(c => c.AtStart), customers.LongCount(c => c.New), customers.LongCount(c => c.AtEnd));
    }

    internal static Counts Answer(RetentionResult result) => new(result.StartCustomers, result.NewCustomers, result.EndCustomers);

    /// <summary>S, N and E.</summary>
    public readonly record struct Counts(long Start, long New, long End);
}
