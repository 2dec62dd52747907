using System.Runtime.InteropServices;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using NodaTime;

namespace Crm.Metrics.Cohorts;

/// <summary>Builds the cohort retention and revenue matrices from purchases in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// A customer's cohort depends on their earliest purchase, which may arrive last, so the accumulator keeps one entry
/// per (customer, period with a purchase) holding that period's amount: memory is proportional to the customers times
/// the periods each was active in — at most customers × periods — never to the number of purchases, and adding a
/// purchase in a customer's known period allocates nothing. Periods are calendar units read in the zone. Negative
/// amounts are rejected: net refunds first.
/// </remarks>
public sealed class CohortAccumulator<TCustomer> : IMetricAccumulator<CohortAccumulator<TCustomer>, Purchase<TCustomer>, CohortMatrix>
    where TCustomer : notnull
{
    private readonly Dictionary<CustomerPeriod, decimal> _cells;
    private readonly IEqualityComparer<TCustomer> _customerComparer;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="unit">The period unit: IsoWeek, Month, Quarter or Year.</param>
    /// <param name="zone">The zone in which purchases are placed in periods.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is Custom or not a defined unit.</exception>
    public CohortAccumulator(PeriodUnit unit, DateTimeZone zone, IEqualityComparer<TCustomer>? comparer = null)
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

    /// <summary>The period unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>The zone in which purchases are placed in periods.</summary>
    public DateTimeZone Zone { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The purchase names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        Retention.PurchaseChecks.Check(item);
        var index = PeriodIndex(item.At);
        CollectionsMarshal.GetValueRefOrAddDefault(_cells, new CustomerPeriod(item.Customer, index), out _) += item.Amount;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> uses another unit or zone, or compares customers differently.</exception>
    public void Merge(CohortAccumulator<TCustomer> other)
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
    }

    /// <inheritdoc />
    public CohortMatrix GetResult()
    {
        if (_cells.Count == 0)
        {
            return new CohortMatrix(Unit, Zone, 0, null, []);
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
                c.Value.Active.Select(a => MetricValue.Of(100.0 * a / c.Value.Size)).ToArray(),
                c.Value.Revenue))
            .ToArray();
        return new CohortMatrix(Unit, Zone, first.Count, ToPeriod(last), rows);
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

    private readonly record struct CustomerPeriod(TCustomer Customer, int Period);

    private sealed class CustomerPeriodComparer(IEqualityComparer<TCustomer> customers) : IEqualityComparer<CustomerPeriod>
    {
        public bool Equals(CustomerPeriod x, CustomerPeriod y) => x.Period == y.Period && customers.Equals(x.Customer, y.Customer);

        public int GetHashCode(CustomerPeriod obj) => HashCode.Combine(customers.GetHashCode(obj.Customer), obj.Period);
    }
}
