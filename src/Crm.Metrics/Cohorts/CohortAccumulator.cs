using System.Numerics;
using System.Runtime.InteropServices;
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
/// Layout: one dictionary entry per customer (16 bytes of state) pointing at a chain of blocks of 24-byte cells
/// (period, amount) in a shared pool of 65,536-cell arrays; a customer's blocks double in size (2, 4, 8…), so a customer
/// active in n periods is found in about log₂ n blocks and wastes fewer than n cells, and nothing is ever copied or freed.
/// A purchase's period is computed from its local day number, with the zone's offset taken from the zone interval cached
/// for its instant, so placing a purchase costs no zone lookup once its interval has been seen.
/// </para>
/// </remarks>
public sealed class CohortAccumulator<TCustomer> : IMetricAccumulator<CohortAccumulator<TCustomer>, Purchase<TCustomer>, CohortMatrix>
    where TCustomer : notnull
{
    // Local days outside this range (about ±8,000 years around 1970) take NodaTime's own path, which rejects dates
    // outside its calendar exactly as before.
    private const int FastDayLimit = 3_000_000;

    private readonly Dictionary<TCustomer, CustomerCells> _customers;
    private readonly IEqualityComparer<TCustomer> _customerComparer;
    private readonly CellPool _cells = new();
    private readonly LocalDayReader _days;
    private int _lastPeriod = int.MinValue;

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
        _days = new LocalDayReader(zone);
        _customerComparer = comparer ?? EqualityComparer<TCustomer>.Default;
        // A null comparer lets the JIT devirtualise default equality for value-type keys.
        _customers = new Dictionary<TCustomer, CustomerCells>(comparer);
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
        var period = PeriodIndex(item.At);
        ref var customer = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, item.Customer, out var exists);
        if (exists)
        {
            AddCell(ref customer, period, item.Amount);
        }
        else
        {
            customer = NewCustomer(period, item.Amount);
        }

        if (period > _lastPeriod)
        {
            _lastPeriod = period;
        }
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

        if (ReferenceEquals(other, this))
        {
            // Merging with itself adds every cell to itself.
            foreach (var customer in _customers.Values)
            {
                for (var block = customer.Block; block >= 0; block = _cells.Older(block))
                {
                    foreach (ref var cell in _cells.Cells(block, block == customer.Block ? customer.Used : _cells.Capacity(block)))
                    {
                        cell.Amount += cell.Amount;
                    }
                }
            }

            return;
        }

        foreach (var (key, theirs) in other._customers)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, key, out var exists);
            for (var block = theirs.Block; block >= 0; block = other._cells.Older(block))
            {
                foreach (ref readonly var cell in other._cells.Cells(block, block == theirs.Block ? theirs.Used : other._cells.Capacity(block)))
                {
                    if (exists)
                    {
                        AddCell(ref mine, cell.Period, cell.Amount);
                    }
                    else
                    {
                        mine = NewCustomer(cell.Period, cell.Amount);
                        exists = true;
                    }
                }
            }
        }

        _lastPeriod = Math.Max(_lastPeriod, other._lastPeriod);
    }

    /// <inheritdoc />
    public CohortMatrix GetResult()
    {
        if (_customers.Count == 0)
        {
            return new CohortMatrix(Unit, Zone, 0, null, []);
        }

        var last = _lastPeriod;
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
            for (var block = customer.Block; block >= 0; block = _cells.Older(block))
            {
                foreach (ref readonly var cell in _cells.Cells(block, block == customer.Block ? customer.Used : _cells.Capacity(block)))
                {
                    var offset = cell.Period - customer.First;
                    rowActive[offset]++;
                    rowRevenue[offset] += cell.Amount;
                }
            }
        }

        var rows = new CohortRow[cohorts.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var size = sizes[cohorts[i]];
            var percentages = new MetricValue[active[i].Length];
            for (var k = 0; k < percentages.Length; k++)
            {
                percentages[k] = MetricValue.Of(100.0 * active[i][k] / size);
            }

            rows[i] = new CohortRow(ToPeriod(cohorts[i]), size, active[i], percentages, revenue[i]);
        }

        return new CohortMatrix(Unit, Zone, _customers.Count, ToPeriod(last), rows);
    }

    private CustomerCells NewCustomer(int period, decimal amount)
    {
        var block = _cells.Allocate(CellPool.FirstBlockCapacity, older: -1);
        ref var cell = ref _cells[block];
        cell.Period = period;
        cell.Amount = amount;
        return new CustomerCells { Block = block, Used = 1, First = period };
    }

    // Adds the amount to the customer's cell of the period, creating it when the customer had none.
    private void AddCell(ref CustomerCells customer, int period, decimal amount)
    {
        // Newest cells first: purchases fed in time order usually hit the last cell added.
        for (var block = customer.Block; block >= 0; block = _cells.Older(block))
        {
            var cells = _cells.Cells(block, block == customer.Block ? customer.Used : _cells.Capacity(block));
            for (var i = cells.Length - 1; i >= 0; i--)
            {
                if (cells[i].Period == period)
                {
                    cells[i].Amount += amount;
                    return;
                }
            }
        }

        var capacity = _cells.Capacity(customer.Block);
        if (customer.Used == capacity)
        {
            customer.Block = _cells.Allocate(Math.Min(capacity * 2, CellPool.ChunkSize), older: customer.Block);
            customer.Used = 0;
        }

        ref var fresh = ref _cells[customer.Block + customer.Used];
        fresh.Period = period;
        fresh.Amount = amount;
        customer.Used++;
        if (period < customer.First)
        {
            customer.First = period;
        }
    }

    // Contiguous period numbers: consecutive periods differ by one.
    private int PeriodIndex(Instant at)
    {
        var day = _days.DayOf(at);
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
            var date = at.InZone(Zone).Date;
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

    // One customer: the newest block of their cells, how many of its cells are used, and their earliest period.
    private struct CustomerCells
    {
        public int Block;
        public int Used;
        public int First;
    }

    // 24 bytes: the decimal aligns the struct to 8, so the link costs nothing.
    private struct Cell
    {
        public decimal Amount;
        public int Period;

        // In a block's first cell, the start of the next older block of the same customer (or -1); in its second,
        // the block's capacity. Unused elsewhere.
        public int Link;
    }

    // Blocks of cells carved from 65,536-cell arrays (the first array grows from 64 cells, so small accumulators stay
    // small); a block never straddles two arrays, and cells are addressed by a global index.
    private sealed class CellPool
    {
        public const int FirstBlockCapacity = 2;
        public const int ChunkSize = 1 << ChunkShift;
        private const int ChunkShift = 16;
        private const int ChunkMask = ChunkSize - 1;

        private Cell[][] _chunks = [new Cell[64]];
        private int _next;

        public ref Cell this[int index] => ref _chunks[index >> ChunkShift][index & ChunkMask];

        public int Older(int block) => this[block].Link;

        public int Capacity(int block) => this[block + 1].Link;

        public Span<Cell> Cells(int block, int count) => _chunks[block >> ChunkShift].AsSpan(block & ChunkMask, count);

        public int Allocate(int capacity, int older)
        {
            var chunk = _next >> ChunkShift;
            var offset = _next & ChunkMask;
            if (offset + capacity > ChunkSize)
            {
                chunk++;
                offset = 0;
            }

            if (chunk == _chunks.Length)
            {
                Array.Resize(ref _chunks, chunk * 2);
            }

            ref var array = ref _chunks[chunk];
            if (array is null)
            {
                array = new Cell[ChunkSize];
            }
            else if (array.Length < offset + capacity)
            {
                Array.Resize(ref array, Math.Min(ChunkSize, (int)BitOperations.RoundUpToPowerOf2((uint)(offset + capacity))));
            }

            var start = (chunk << ChunkShift) + offset;
            _next = start + capacity;
            array[offset].Link = older;
            array[offset + 1].Link = capacity;
            return start;
        }
    }
}
