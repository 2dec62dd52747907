using System.Runtime.InteropServices;
using Crm.Metrics;
using Crm.Metrics.Cohorts;
using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Benchmarks.Metrics;

/// <summary>
/// A verbatim copy of <c>CohortAccumulator&lt;TCustomer&gt;</c> as it was before the m-perf optimisation (one dictionary entry
/// per (customer, period) keyed by a record struct, and a zone conversion per purchase), kept only as the measured "before"
/// of <see cref="CohortBenchmarks"/>. The package's internal helpers it used (PurchaseChecks, LocalDays) are copied below.
/// </summary>
internal sealed class BaselineCohortAccumulator<TCustomer>
    where TCustomer : notnull
{
    private readonly Dictionary<CustomerPeriod, decimal> _cells;
    private long _rows;
    private readonly IEqualityComparer<TCustomer> _customerComparer;

    public BaselineCohortAccumulator(PeriodUnit unit, DateTimeZone zone, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (unit is not (PeriodUnit.IsoWeek or PeriodUnit.Month or PeriodUnit.Quarter or PeriodUnit.Year))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Cohorts need a calendar unit: IsoWeek, Month, Quarter or Year.");
        }

        Unit = unit;
        Zone = zone;
        _customerComparer = comparer ?? EqualityComparer<TCustomer>.Default;
        // The default key equality is devirtualised by the JIT; a custom customer comparer needs the wrapper.
        _cells = comparer is null
            ? new Dictionary<CustomerPeriod, decimal>()
            : new Dictionary<CustomerPeriod, decimal>(new CustomerPeriodComparer(comparer));
    }

    public PeriodUnit Unit { get; }

    public DateTimeZone Zone { get; }

    public void Add(Purchase<TCustomer> item)
    {
        Check(item);
        var index = PeriodIndex(item.At!.Value);
        _rows++;
        CollectionsMarshal.GetValueRefOrAddDefault(_cells, new CustomerPeriod(item.Customer, index), out _) += item.Amount;
    }

    public void Merge(BaselineCohortAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Unit != Unit || !other.Zone.Equals(Zone) || !other._customerComparer.Equals(_customerComparer))
        {
            throw new ArgumentException("Only accumulators with the same unit, zone and customer comparer can be merged.", nameof(other));
        }

        foreach (var (cell, amount) in other._cells.ToArray())
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_cells, cell, out _) += amount;
        }

        _rows += other._rows;
    }

    public CohortMatrix GetResult()
    {
        if (_cells.Count == 0)
        {
            return new CohortMatrix(Unit, Zone, 0, null, [], new PurchaseCounts(_rows, _rows, 0, 0));
        }

        var first = new Dictionary<TCustomer, int>(_customerComparer);
        var last = int.MinValue;
        foreach (var cell in _cells.Keys)
        {
            ref var f = ref CollectionsMarshal.GetValueRefOrAddDefault(first, cell.Customer, out var exists);
            f = exists ? Math.Min(f, cell.Period) : cell.Period;
            last = Math.Max(last, cell.Period);
        }

        var cohorts = new SortedDictionary<int, (long Size, long[] Active, decimal[] Revenue)>();
        foreach (var cohort in first.Values)
        {
            if (!cohorts.TryGetValue(cohort, out var row))
            {
                var length = last - cohort + 1;
                row = (0, new long[length], new decimal[length]);
            }

            cohorts[cohort] = (row.Size + 1, row.Active, row.Revenue);
        }

        foreach (var (cell, amount) in _cells)
        {
            var cohort = first[cell.Customer];
            var row = cohorts[cohort];
            row.Active[cell.Period - cohort]++;
            row.Revenue[cell.Period - cohort] += amount;
        }

        var rows = cohorts
            .Select(c => new CohortRow(
                ToPeriod(c.Key),
                c.Value.Size,
                c.Value.Active,
                c.Value.Active.Select(a => MetricValue.Of((double)a / c.Value.Size)).ToArray(),
                c.Value.Revenue))
            .ToArray();
        return new CohortMatrix(Unit, Zone, first.Count, ToPeriod(last), rows, new PurchaseCounts(_rows, _rows, 0, 0));
    }

    // Contiguous period numbers: consecutive periods differ by one.
    private int PeriodIndex(Instant at)
    {
        if (Unit == PeriodUnit.IsoWeek)
        {
            // Day 4 (1970-01-05) is a Monday.
            return (int)LocalDays.FloorDiv(LocalDays.Of(at, Zone) - 4L, 7);
        }

        var date = at.InZone(Zone).Date;
        return Unit switch
        {
            PeriodUnit.Month => (date.Year * 12) + date.Month - 1,
            PeriodUnit.Quarter => (date.Year * 4) + ((date.Month - 1) / 3),
            _ => date.Year,
        };
    }

    private ReportingPeriod ToPeriod(int index) => Unit switch
    {
        PeriodUnit.IsoWeek => ReportingPeriod.Containing(LocalDays.ToDate(4 + (index * 7)), PeriodUnit.IsoWeek, Zone),
        PeriodUnit.Month => ReportingPeriod.Month((int)LocalDays.FloorDiv(index, 12), (int)(index - (LocalDays.FloorDiv(index, 12) * 12)) + 1, Zone),
        PeriodUnit.Quarter => ReportingPeriod.Quarter((int)LocalDays.FloorDiv(index, 4), (int)(index - (LocalDays.FloorDiv(index, 4) * 4)) + 1, Zone),
        _ => ReportingPeriod.Year(index, Zone),
    };

    private static void Check(in Purchase<TCustomer> item)
    {
        if (!typeof(TCustomer).IsValueType && item.Customer is null)
        {
            throw new ArgumentException("The purchase names no customer (a default value).", nameof(item));
        }

        if (item.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item.Amount, $"A purchase amount must not be negative (was {item.Amount}); net refunds into the purchases before calculating.");
        }
    }

    private static class LocalDays
    {
        private const long SecondsPerDay = 86_400;
        private static readonly LocalDate Epoch = new(1970, 1, 1);

        public static int Of(Instant instant, DateTimeZone zone)
        {
            var local = instant.ToUnixTimeSeconds() + zone.GetUtcOffset(instant).Seconds;
            return (int)FloorDiv(local, SecondsPerDay);
        }

        public static LocalDate ToDate(int day) => Epoch.PlusDays(day);

        public static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
    }

    private readonly record struct CustomerPeriod(TCustomer Customer, int Period);

    private sealed class CustomerPeriodComparer(IEqualityComparer<TCustomer> customers) : IEqualityComparer<CustomerPeriod>
    {
        public bool Equals(CustomerPeriod x, CustomerPeriod y) => x.Period == y.Period && customers.Equals(x.Customer, y.Customer);

        public int GetHashCode(CustomerPeriod obj) => HashCode.Combine(customers.GetHashCode(obj.Customer), obj.Period);
    }
}
