using System.Globalization;
using System.Runtime.InteropServices;
using Crm.Metrics.Accumulation;
using Crm.Metrics.Repeat;
using NodaTime;

namespace Crm.Metrics.Rfm;

/// <summary>Builds <see cref="CustomerSummary{TCustomer}"/>s from a raw transaction log in one streaming, mergeable pass.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// Purchases may arrive in any order. Each purchase instant is turned into a calendar day in <see cref="CustomerSummaryOptions.Zone"/>;
/// purchases after <see cref="CustomerSummaryOptions.LastDayRead"/> are ignored and counted. Amounts are summed in
/// <see cref="decimal"/>, so a merge of partitions is exactly equal to one pass over the whole log.
/// </para>
/// <para>
/// Memory: per customer a few scalars plus the set of that customer's distinct purchase days (4 bytes each) — counting
/// distinct days exactly, in any order and across merges, needs the days themselves. Several purchases on one day take one entry.
/// </para>
/// <para>
/// Layout: one dictionary entry per customer holds a 72-byte struct (the first day seen inline, the totals, and where the
/// other days are), reached with one hash lookup per purchase. A one-time buyer needs nothing more. The other distinct
/// days are kept sorted in a small block of a shared pool of 65,536-day arrays (no object per customer): a day later than
/// every known day — the usual case when purchases come roughly in time order — is appended, any other is found by
/// binary search. A purchase's day is computed from the instant plus the zone's offset, without building a zoned date.
/// Adding a purchase on a day the customer already has allocates nothing; a new customer or day allocates only when the
/// dictionary or the pool grows, so the state, not the number of purchases, bounds memory. <see cref="Merge"/> unions the
/// sorted day lists in one linear pass per customer.
/// </para>
/// </remarks>
public sealed class CustomerSummaryBuilder<TCustomer>
    : IMetricAccumulator<CustomerSummaryBuilder<TCustomer>, Purchase<TCustomer>, CustomerSummarySet<TCustomer>>, IDisjointPartials<CustomerSummaryBuilder<TCustomer>>
    where TCustomer : notnull
{
    private static readonly bool KeysAreComparable
        = typeof(IComparable<TCustomer>).IsAssignableFrom(typeof(TCustomer)) || typeof(IComparable).IsAssignableFrom(typeof(TCustomer));

    private readonly Dictionary<TCustomer, State> _customers;
    private readonly BlockPool<int> _days = new();
    private readonly int _summaryEndDay;
    private readonly int _observationEndDay;
    private long _purchasesRead;
    private long _purchasesInHoldout;
    private long _purchasesAfterObservationEnd;

    // Partials of disjoint customers kept beside this builder by the parallel entry point (this builder first), and the
    // cores their result may use; folded into this builder before anything but GetResult.
    private KeptPartials<CustomerSummaryBuilder<TCustomer>> _partials;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="options">The zone, end dates and time unit.</param>
    /// <param name="comparer">How customer keys are compared; the default comparer when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public CustomerSummaryBuilder(CustomerSummaryOptions options, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Comparer = comparer ?? EqualityComparer<TCustomer>.Default;
        // A null comparer lets the JIT devirtualise default equality for value-type keys.
        _customers = new Dictionary<TCustomer, State>(comparer);
        _summaryEndDay = LocalDays.FromDate(options.CalibrationEnd);
        _observationEndDay = LocalDays.FromDate(options.LastDayRead);
    }

    /// <summary>The options the builder reads the log with.</summary>
    public CustomerSummaryOptions Options { get; }

    /// <summary>How customer keys are compared.</summary>
    public IEqualityComparer<TCustomer> Comparer { get; }

    /// <summary>Adds one purchase.</summary>
    /// <exception cref="ArgumentNullException">The purchase's customer is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative (refunds are not purchases in this summary), or the customer's total would leave decimal's range; nothing was added.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        if (!typeof(TCustomer).IsValueType && item.Customer is null)
        {
            throw new ArgumentNullException(nameof(item), "A purchase's customer must not be null.");
        }

        if (item.Amount < 0)
        {
            ThrowNegative(nameof(item), item.Amount);
        }

        if (_partials.All is not null)
        {
            FoldPartials();
        }

        var day = LocalDays.Of(item, Options.Zone);
        if (day > _observationEndDay)
        {
            _purchasesRead++;
            _purchasesAfterObservationEnd++;
            return;
        }

        var inHoldout = day > _summaryEndDay ? 1 : 0;
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, item.Customer, out var exists);
        if (!exists)
        {
            state = new State { Seen = day, FirstDay = day, LastCalibrationDay = int.MinValue };
        }
        else
        {
            // Totals first, on a copy: an overflow throws before anything of the customer changed.
            var updated = state;
            updated.Add(day, item.Amount, _summaryEndDay);
            if (day != updated.Seen)
            {
                AddDay(ref updated, day);
            }

            state = updated;
            _purchasesRead++;
            _purchasesInHoldout += inHoldout;
            return;
        }

        state.Add(day, item.Amount, _summaryEndDay);
        _purchasesRead++;
        _purchasesInHoldout += inHoldout;
    }

    /// <summary>Merges the purchases another builder has read; <paramref name="other"/> is left unchanged.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> has other options or a different key comparer, or is this builder.</exception>
    public void Merge(CustomerSummaryBuilder<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A builder cannot be merged into itself: its purchases would count twice.", nameof(other));
        }

        if (!Options.SameAs(other.Options) || !Equals(Comparer, other.Comparer))
        {
            throw new ArgumentException("Only builders with the same zone, end dates, time unit and key comparer can be merged.", nameof(other));
        }

        FoldPartials();
        MergeOne(other);
        foreach (var partial in other._partials.Others)
        {
            MergeOne(partial);
        }
    }

    /// <summary>Computes the summaries of every customer read so far.</summary>
    public CustomerSummarySet<TCustomer> GetResult()
    {
        if (_partials.All is { } partials && KeysAreComparable)
        {
            return ResultOfPartials(partials);
        }

        FoldPartials();
        var keys = new TCustomer[_customers.Count];
        var list = new CustomerSummary<TCustomer>[_customers.Count];
        var count = Summarize(keys, list, 0, out var firstSeenInHoldout);
        Array.Resize(ref list, count);
        if (KeysAreComparable)
        {
            // Keys are distinct, so an unstable sort of the keys with their summaries gives one order whatever the input order.
            Array.Sort(keys, list, 0, count, Comparer<TCustomer>.Default);
        }
        else
        {
            list = [.. list.OrderBy(c => c.FirstPurchaseDate)];
        }

        return new CustomerSummarySet<TCustomer>(Options, list, Comparer, _purchasesRead, _purchasesInHoldout, _purchasesAfterObservationEnd, firstSeenInHoldout);
    }

    /// <summary>Calls <paramref name="visit"/> once per customer with the customer's distinct calibration days (day numbers, ascending).</summary>
    /// <remarks>The span is reused between calls: copy what must outlive the call.</remarks>
    internal void VisitCalibrationDays(CalibrationDaysVisitor<TCustomer> visit)
    {
        FoldPartials();
        var buffer = new int[16];
        foreach (var (customer, s) in _customers)
        {
            if (s.FirstDay > _summaryEndDay)
            {
                continue;
            }

            var days = _days.Items(s.Block, s.Count);
            if (buffer.Length < days.Length + 1)
            {
                buffer = new int[Math.Max(buffer.Length * 2, days.Length + 1)];
            }

            // The inline day goes in its place among the sorted others; then the holdout days are cut off.
            var at = days.BinarySearch(s.Seen);
            at = at >= 0 ? at : ~at;
            days[..at].CopyTo(buffer);
            buffer[at] = s.Seen;
            days[at..].CopyTo(buffer.AsSpan(at + 1));
            var count = days.Length + 1;
            while (buffer[count - 1] > _summaryEndDay)
            {
                count--;
            }

            visit(customer, buffer.AsSpan(0, count));
        }
    }

    int IKeyedAccumulator.KeyCount => _partials.KeyCount(_customers.Count);

    void IKeyedAccumulator.ReserveKeys(int keys) => _customers.EnsureCapacity(keys);

    bool IDisjointPartials<CustomerSummaryBuilder<TCustomer>>.TryAdoptDisjoint(CustomerSummaryBuilder<TCustomer>[] partials, int workers, object partitionComparer)
    {
        FoldPartials();
        return _partials.TryKeep(partials, workers, partitionComparer, Comparer);
    }

    // The result of this builder and its disjoint partials: each summarises its own customers on any free core, then the
    // summaries are sorted by customer, also on several cores.
    private CustomerSummarySet<TCustomer> ResultOfPartials(CustomerSummaryBuilder<TCustomer>[] partials)
    {
        var starts = new int[partials.Length];
        var lengths = new int[partials.Length];
        var inHoldout = new int[partials.Length];
        var total = 0;
        long read = 0, holdout = 0, ignored = 0;
        for (var i = 0; i < partials.Length; i++)
        {
            starts[i] = total;
            total += partials[i]._customers.Count;
            read += partials[i]._purchasesRead;
            holdout += partials[i]._purchasesInHoldout;
            ignored += partials[i]._purchasesAfterObservationEnd;
        }

        var keys = new TCustomer[total];
        var list = new CustomerSummary<TCustomer>[total];
        Parallel.For(0, partials.Length, new ParallelOptions { MaxDegreeOfParallelism = _partials.Workers }, i =>
        {
            lengths[i] = partials[i].Summarize(keys, list, starts[i], out inHoldout[i]);
        });

        var merged = SortedRuns.Sort(keys, list, starts, lengths, _partials.Workers);
        return new CustomerSummarySet<TCustomer>(Options, merged, Comparer, read, holdout, ignored, inHoldout.Sum());
    }

    // Folds the partials kept by the parallel entry point into this builder's own dictionary.
    private void FoldPartials()
    {
        if (_partials.All is not null)
        {
            _partials.FoldInto(this, MergeOne);
        }
    }

    private void MergeOne(CustomerSummaryBuilder<TCustomer> other)
    {
        foreach (var (customer, theirs) in other._customers)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, customer, out var exists);
            var theirDays = other._days.Items(theirs.Block, theirs.Count);
            if (!exists)
            {
                mine = theirs;
                mine.Block = 0;
                if (theirs.Count > 0)
                {
                    mine.Block = _days.Allocate(BlockPool<int>.ClassFor(theirs.Count));
                    theirDays.CopyTo(_days.Items(mine.Block, mine.Count));
                }

                continue;
            }

            mine.Merge(theirs);
            if (theirs.Seen != mine.Seen)
            {
                AddDay(ref mine, theirs.Seen);
            }

            foreach (var day in theirDays)
            {
                if (day != mine.Seen)
                {
                    AddDay(ref mine, day);
                }
            }
        }

        _purchasesRead += other._purchasesRead;
        _purchasesInHoldout += other._purchasesInHoldout;
        _purchasesAfterObservationEnd += other._purchasesAfterObservationEnd;
    }

    // Writes the summaries of this builder's own customers first seen in calibration, with their keys, from index start
    // on; returns how many it wrote and counts the others.
    private int Summarize(TCustomer[] keys, CustomerSummary<TCustomer>[] list, int start, out int firstSeenInHoldout)
    {
        var unit = Options.TimeUnit;
        var count = start;
        firstSeenInHoldout = 0;
        var holdoutDuration = unit.FromDayCount(_observationEndDay - _summaryEndDay);
        foreach (var (customer, s) in _customers)
        {
            if (s.FirstDay > _summaryEndDay)
            {
                firstSeenInHoldout++;
                continue;
            }

            var calibrationDays = s.Seen <= _summaryEndDay ? 1 : 0;
            var days = _days.Items(s.Block, s.Count);
            var afterCalibration = days.BinarySearch(_summaryEndDay);
            calibrationDays += afterCalibration >= 0 ? afterCalibration + 1 : ~afterCalibration;
            var holdoutDays = s.Count + 1 - calibrationDays;

            var frequency = calibrationDays - 1;
            var monetary = frequency == 0 ? 0m : (s.CalibrationTotal - s.FirstDayTotal) / frequency;
            CustomerSummaryHoldout? holdout = null;
            if (Options.HasHoldout)
            {
                holdout = new CustomerSummaryHoldout(holdoutDays, holdoutDays == 0 ? 0m : s.HoldoutTotal / holdoutDays, holdoutDuration);
            }

            keys[count] = customer;
            list[count++] = new CustomerSummary<TCustomer>(
                customer,
                LocalDays.ToDate(s.FirstDay),
                LocalDays.ToDate(s.LastCalibrationDay),
                frequency,
                unit.FromDayCount(s.LastCalibrationDay - s.FirstDay),
                unit.FromDayCount(_summaryEndDay - s.FirstDay),
                monetary,
                holdout);
        }

        return count - start;
    }

    private static void ThrowNegative(string parameter, decimal amount)
        => throw new ArgumentOutOfRangeException(
            parameter,
            amount,
            string.Create(CultureInfo.InvariantCulture, $"A purchase amount must not be negative in a customer summary (was {amount}); remove refunds or net them into their purchase first."));

    // Adds a day other than the inline one to the customer's sorted block, unless it is already there.
    private void AddDay(ref State state, int day)
    {
        var days = _days.Items(state.Block, state.Count);
        int at;
        if (days.Length == 0 || day > days[^1])
        {
            at = days.Length;
        }
        else
        {
            at = days.BinarySearch(day);
            if (at >= 0)
            {
                return;
            }

            at = ~at;
        }

        state.Block = state.Count == 0 ? _days.Allocate(0) : _days.EnsureRoomForOneMore(state.Block, state.Count);
        var grown = _days.Items(state.Block, state.Count + 1);
        grown[at..^1].CopyTo(grown[(at + 1)..]);
        grown[at] = day;
        state.Count++;
    }

    // One customer: the first day seen (inline, so a one-time buyer needs no block), the other distinct days in a sorted
    // block of the pool, the earliest day and its total, the latest calibration day, and the calibration and holdout totals.
    private struct State
    {
        public decimal FirstDayTotal;
        public decimal CalibrationTotal;
        public decimal HoldoutTotal;
        public int Seen;
        public int Block;
        public int Count;
        public int FirstDay;
        public int LastCalibrationDay;

        public void Add(int day, decimal amount, int summaryEndDay)
        {
            if (day < FirstDay)
            {
                FirstDay = day;
                FirstDayTotal = amount;
            }
            else if (day == FirstDay)
            {
                FirstDayTotal = AmountTotals.Add(FirstDayTotal, amount, "first-day spend");
            }

            if (day <= summaryEndDay)
            {
                CalibrationTotal = AmountTotals.Add(CalibrationTotal, amount, "calibration spend");
                if (day > LastCalibrationDay)
                {
                    LastCalibrationDay = day;
                }
            }
            else
            {
                HoldoutTotal = AmountTotals.Add(HoldoutTotal, amount, "holdout spend");
            }
        }

        // Everything but the days, which the builder unions.
        public void Merge(in State other)
        {
            if (other.FirstDay < FirstDay)
            {
                FirstDay = other.FirstDay;
                FirstDayTotal = other.FirstDayTotal;
            }
            else if (other.FirstDay == FirstDay)
            {
                FirstDayTotal += other.FirstDayTotal;
            }

            LastCalibrationDay = Math.Max(LastCalibrationDay, other.LastCalibrationDay);
            CalibrationTotal += other.CalibrationTotal;
            HoldoutTotal += other.HoldoutTotal;
        }
    }
}
