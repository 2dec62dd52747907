using System.Runtime.InteropServices;
using Crm.Metrics.Accumulation;
using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using NodaTime;

namespace Crm.Metrics.Cohorts;

/// <summary>Builds the cohort retention and revenue matrices from purchases in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// A customer's cohort depends on their earliest purchase, which may arrive last, so the accumulator keeps, per customer,
/// one cell per period with a purchase holding that period's amount: memory is proportional to the customers times
/// the periods each was active in — at most customers × periods — never to the number of purchases, and adding a
/// purchase in a customer's known period allocates nothing. Periods are calendar units read in the zone. Negative
/// amounts are rejected: net refunds first.
/// </para>
/// <para>
/// Layout: one dictionary entry per customer (24 bytes of state, including a bit set of the periods near their first
/// purchase that already have a cell) pointing at one contiguous block of 20-byte cells (period, amount) in a shared pool
/// of 65,536-cell arrays. A block grows through the sizes 4, 8, 12, 16, 24, 32, 48… by moving to a larger block, and the
/// block left behind is reused by the next customer that needs one of its size, so finding a purchase's cell reads one
/// small contiguous run of memory, and a purchase in a new period near the first is appended without a search.
/// A purchase's period is computed arithmetically from its local day number (the zone gives only the offset), without
/// building a zoned date.
/// </para>
/// </remarks>
public sealed class CohortAccumulator<TCustomer> : IMetricAccumulator<CohortAccumulator<TCustomer>, Purchase<TCustomer>, CohortMatrix>, IDisjointPartials<CohortAccumulator<TCustomer>>
    where TCustomer : notnull
{
    // Local days outside this range (about ±8,000 years around 1970) take NodaTime's own path, which rejects dates
    // outside its calendar exactly as before.
    private const int FastDayLimit = 3_000_000;

    // The largest number of periods from the first to the last for which the result is tallied in dense per-core arrays
    // (periods × periods cells); beyond it (sparse data over centuries of weeks) the cohorts are found by dictionary.
    private const int DensePeriods = 256;

    private readonly Dictionary<TCustomer, CustomerCells> _customers;
    private readonly IEqualityComparer<TCustomer> _customerComparer;
    private readonly BlockPool<Cell> _cells = new();
    private readonly int _endPeriod;
    private int _lastPeriod = int.MinValue;
    private int _firstPeriod = int.MaxValue;
    private WindowCounts _counts;

    // Partials of disjoint customers kept beside this accumulator by the parallel entry point (this one first), and the
    // cores their result may use; folded into this accumulator before anything but GetResult.
    private KeptPartials<CohortAccumulator<TCustomer>> _partials;

    /// <summary>Creates an empty accumulator that reads every purchase; rows run to the last period with a purchase.</summary>
    /// <param name="unit">The period unit: IsoWeek, Month, Quarter or Year.</param>
    /// <param name="zone">The zone in which purchases are placed in periods.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is Custom or not a defined unit.</exception>
    public CohortAccumulator(PeriodUnit unit, DateTimeZone zone, IEqualityComparer<TCustomer>? comparer = null)
        : this(unit, PurchaseWindow.All(zone), comparer)
    {
    }

    /// <summary>Creates an empty accumulator that reads the purchases in <paramref name="window"/>; rows run to the period of the window's last day when it has one.</summary>
    /// <param name="unit">The period unit: IsoWeek, Month, Quarter or Year.</param>
    /// <param name="window">The zone purchases are placed in periods in, and the days read.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is Custom or not a defined unit.</exception>
    public CohortAccumulator(PeriodUnit unit, PurchaseWindow window, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (unit is not (PeriodUnit.IsoWeek or PeriodUnit.Month or PeriodUnit.Quarter or PeriodUnit.Year))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Cohorts need a calendar unit: IsoWeek, Month, Quarter or Year.");
        }

        Unit = unit;
        Window = window;
        _endPeriod = window.End is not null ? PeriodIndex(window.EndDay) : int.MinValue;
        _customerComparer = comparer ?? EqualityComparer<TCustomer>.Default;
        // A null comparer lets the JIT devirtualise default equality for value-type keys.
        _customers = new Dictionary<TCustomer, CustomerCells>(comparer);
    }

    /// <summary>The period unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>The zone in which purchases are placed in periods.</summary>
    public DateTimeZone Zone => Window.Zone;

    /// <summary>The days read; the period of its last day, when it has one, is where every row ends.</summary>
    public PurchaseWindow Window { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The purchase names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        Retention.PurchaseChecks.Check(item);
        if (_partials.All is not null)
        {
            FoldPartials();
        }

        var day = LocalDays.Of(item, Window.Zone);
        if (!_counts.Admits(day, Window))
        {
            return;
        }

        var period = PeriodIndex(day);
        ref var customer = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, item.Customer, out var exists);
        if (exists)
        {
            AddCell(ref customer, period, item.Amount);
        }
        else
        {
            customer = NewCustomer(period, item.Amount);
        }

        _counts.Included++;

        if (period > _lastPeriod)
        {
            _lastPeriod = period;
        }

        if (period < _firstPeriod)
        {
            _firstPeriod = period;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> uses another unit or window, or compares customers differently.</exception>
    public void Merge(CohortAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Unit != Unit || !other.Window.Equals(Window) || !other._customerComparer.Equals(_customerComparer))
        {
            throw new ArgumentException("Only accumulators with the same unit, purchase window and customer comparer can be merged.", nameof(other));
        }

        FoldPartials();
        if (ReferenceEquals(other, this))
        {
            // Merging with itself adds every cell to itself.
            foreach (var customer in _customers.Values)
            {
                foreach (ref var cell in _cells.Items(customer.Block, customer.Count))
                {
                    cell.Amount += cell.Amount;
                }
            }

            _counts.Add(_counts);

            return;
        }

        MergeOne(other);
        foreach (var partial in other._partials.Others)
        {
            MergeOne(partial);
        }
    }

    /// <inheritdoc />
    public CohortMatrix GetResult()
    {
        var parts = _partials.All ?? [this];
        long customers = 0;
        var seen = default(WindowCounts);
        int first = int.MaxValue, last = _endPeriod;
        foreach (var part in parts)
        {
            customers += part._customers.Count;
            last = Math.Max(last, part._lastPeriod);
            first = Math.Min(first, part._customers.Count == 0 ? int.MaxValue : part._firstPeriod);
            seen.Add(part._counts);
        }

        var counts = seen.ToCounts();
        if (customers == 0)
        {
            return new CohortMatrix(Unit, Zone, 0, Window.End is null ? null : ToPeriod(_endPeriod), [], counts);
        }

        if ((long)last - first >= DensePeriods)
        {
            FoldPartials();
            return SparseResult(last, counts);
        }

        // Cell (c, k) of cohort first + c, k periods later, at c × span + k; every part adds into its core's arrays.
        var span = last - first + 1;
        var sizes = new long[span];
        var active = new long[span * span];
        var revenue = new decimal[span * span];
        var gate = new object();
        Parallel.For(
            0,
            parts.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _partials.Workers) },
            () => (Sizes: new long[span], Active: new long[span * span], Revenue: new decimal[span * span]),
            (i, _, tally) =>
            {
                parts[i].Tally(first, span, tally.Sizes, tally.Active, tally.Revenue);
                return tally;
            },
            tally =>
            {
                lock (gate)
                {
                    for (var c = 0; c < span; c++)
                    {
                        sizes[c] += tally.Sizes[c];
                    }

                    for (var x = 0; x < active.Length; x++)
                    {
                        active[x] += tally.Active[x];
                        revenue[x] += tally.Revenue[x];
                    }
                }
            });

        var rows = new List<CohortRow>();
        for (var c = 0; c < span; c++)
        {
            if (sizes[c] > 0)
            {
                var length = span - c;
                rows.Add(Row(first + c, sizes[c], active.AsSpan(c * span, length).ToArray(), revenue.AsSpan(c * span, length).ToArray()));
            }
        }

        return new CohortMatrix(Unit, Zone, customers, ToPeriod(last), rows, counts);
    }

    int IKeyedAccumulator.KeyCount => _partials.KeyCount(_customers.Count);

    void IKeyedAccumulator.ReserveKeys(int keys) => _customers.EnsureCapacity(keys);

    bool IDisjointPartials<CohortAccumulator<TCustomer>>.TryAdoptDisjoint(CohortAccumulator<TCustomer>[] partials, int workers, object partitionComparer)
    {
        FoldPartials();
        return _partials.TryKeep(partials, workers, partitionComparer, _customerComparer);
    }

    // Folds the partials kept by the parallel entry point into this accumulator's own dictionary.
    private void FoldPartials()
    {
        if (_partials.All is not null)
        {
            _partials.FoldInto(this, MergeOne);
        }
    }

    // Adds this accumulator's own customers to dense tallies whose cohort 0 is the period first.
    private void Tally(int first, int span, long[] sizes, long[] active, decimal[] revenue)
    {
        foreach (var customer in _customers.Values)
        {
            var row = (customer.First - first) * span;
            sizes[customer.First - first]++;
            foreach (ref readonly var cell in _cells.Items(customer.Block, customer.Count))
            {
                var at = row + cell.Period - customer.First;
                active[at]++;
                revenue[at] += cell.Amount;
            }
        }
    }

    private CohortRow Row(int cohort, long size, long[] active, decimal[] revenue)
    {
        var shares = new MetricValue[active.Length];
        for (var k = 0; k < shares.Length; k++)
        {
            shares[k] = MetricValue.Of((double)active[k] / size);
        }

        return new CohortRow(ToPeriod(cohort), size, active, shares, revenue);
    }

    private void MergeOne(CohortAccumulator<TCustomer> other)
    {
        foreach (var (key, theirs) in other._customers)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, key, out var exists);
            var cells = other._cells.Items(theirs.Block, theirs.Count);
            if (!exists)
            {
                mine = theirs;
                mine.Block = _cells.Allocate(BlockPool<Cell>.ClassFor(theirs.Count));
                cells.CopyTo(_cells.Items(mine.Block, mine.Count));
                continue;
            }

            foreach (ref readonly var cell in cells)
            {
                AddCell(ref mine, cell.Period, cell.Amount);
            }
        }

        _lastPeriod = Math.Max(_lastPeriod, other._lastPeriod);
        _firstPeriod = Math.Min(_firstPeriod, other._firstPeriod);
        _counts.Add(other._counts);
    }

    // The result over periods too far apart for dense tallies: cohorts found by dictionary, one row per cohort.
    private CohortMatrix SparseResult(int last, PurchaseCounts counts)
    {
        var sizes = new Dictionary<int, long>();
        foreach (var customer in _customers.Values)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(sizes, customer.First, out _)++;
        }

        var cohorts = new int[sizes.Count];
        sizes.Keys.CopyTo(cohorts, 0);
        Array.Sort(cohorts);
        var rowOf = new Dictionary<int, int>(cohorts.Length);
        var active = new long[cohorts.Length][];
        var revenue = new decimal[cohorts.Length][];
        for (var i = 0; i < cohorts.Length; i++)
        {
            rowOf.Add(cohorts[i], i);
            var length = last - cohorts[i] + 1;
            active[i] = new long[length];
            revenue[i] = new decimal[length];
        }

        foreach (var customer in _customers.Values)
        {
            var row = rowOf[customer.First];
            var rowActive = active[row];
            var rowRevenue = revenue[row];
            foreach (ref readonly var cell in _cells.Items(customer.Block, customer.Count))
            {
                var offset = cell.Period - customer.First;
                rowActive[offset]++;
                rowRevenue[offset] += cell.Amount;
            }
        }

        var rows = new CohortRow[cohorts.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Row(cohorts[i], sizes[cohorts[i]], active[i], revenue[i]);
        }

        return new CohortMatrix(Unit, Zone, _customers.Count, ToPeriod(last), rows, counts);
    }

    private CustomerCells NewCustomer(int period, decimal amount)
    {
        var block = _cells.Allocate(0);
        ref var cell = ref _cells.Items(block, 1)[0];
        cell.Period = period;
        cell.Amount = amount;
        var window = WindowStart(period);
        return new CustomerCells { Block = block, Count = 1, First = period, Window = window, Known = 1UL << (period - window) };
    }

    // Adds the amount to the customer's cell of the period, creating it when the customer had none.
    private void AddCell(ref CustomerCells customer, int period, decimal amount)
    {
        var cells = _cells.Items(customer.Block, customer.Count);
        var offset = (long)period - customer.Window;
        var inWindow = (ulong)offset < 64;
        if (!inWindow || (customer.Known & (1UL << (int)offset)) != 0)
        {
            // Newest cells first: purchases fed in time order usually hit the last cell added.
            for (var i = cells.Length - 1; i >= 0; i--)
            {
                if (cells[i].Period == period)
                {
                    cells[i].Amount = AmountTotals.Add(cells[i].Amount, amount, "spend in one period");
                    return;
                }
            }
        }

        customer.Block = _cells.EnsureRoomForOneMore(customer.Block, customer.Count);
        ref var fresh = ref _cells.Items(customer.Block, customer.Count + 1)[customer.Count];
        fresh.Period = period;
        fresh.Amount = amount;
        customer.Count++;
        if (inWindow)
        {
            customer.Known |= 1UL << (int)offset;
        }

        if (period < customer.First)
        {
            customer.First = period;
        }
    }

    // Contiguous period numbers: consecutive periods differ by one.
    private int PeriodIndex(int day)
    {
        if (Unit == PeriodUnit.IsoWeek)
        {
            // Day 4 (1970-01-05) is a Monday.
            return (int)LocalDays.FloorDiv(day - 4L, 7);
        }

        int year, month;
        if (day is > -FastDayLimit and < FastDayLimit)
        {
            LocalDays.YearMonth(day, out year, out month);
        }
        else
        {
            var date = LocalDays.ToDate(day);
            (year, month) = (date.Year, date.Month);
        }

        return Unit switch
        {
            PeriodUnit.Month => (year * 12) + month - 1,
            PeriodUnit.Quarter => (year * 4) + ((month - 1) / 3),
            _ => year,
        };
    }

    private ReportingPeriod ToPeriod(int index) => Unit switch
    {
        PeriodUnit.IsoWeek => ReportingPeriod.Containing(LocalDays.ToDate(4 + (index * 7)), PeriodUnit.IsoWeek, Zone),
        PeriodUnit.Month => ReportingPeriod.Month((int)LocalDays.FloorDiv(index, 12), (int)(index - (LocalDays.FloorDiv(index, 12) * 12)) + 1, Zone),
        PeriodUnit.Quarter => ReportingPeriod.Quarter((int)LocalDays.FloorDiv(index, 4), (int)(index - (LocalDays.FloorDiv(index, 4) * 4)) + 1, Zone),
        _ => ReportingPeriod.Year(index, Zone),
    };

    // The 64 periods around a customer's first purchase whose presence the customer's entry records, so that a purchase
    // in a new period among them is appended without searching the customer's cells.
    private static int WindowStart(int period) => period >= int.MinValue + 32 ? period - 32 : int.MinValue;

    // One customer (24 bytes): where their cells are, how many there are, their earliest period, and which of the 64
    // periods from Window on have a cell (bit i for period Window + i).
    private struct CustomerCells
    {
        public int Block;
        public int Count;
        public int First;
        public int Window;
        public ulong Known;
    }

    // 20 bytes: packing to 4 keeps the decimal from padding the cell to 24.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Cell
    {
        public decimal Amount;
        public int Period;
    }
}
