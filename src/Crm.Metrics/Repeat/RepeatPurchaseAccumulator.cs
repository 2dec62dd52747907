using System.Runtime.InteropServices;
using Crm.Metrics.Accumulation;
using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>Computes <see cref="RepeatPurchaseResult"/> from purchases in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// Per customer it keeps the first two distinct purchase days and the revenue (a 24-byte struct in one dictionary
/// entry), so memory is proportional to customers and adding a purchase of a known customer allocates
/// nothing. Day boundaries are read in the window's zone (a date-only purchase keeps its date); purchases outside the
/// window are skipped and counted in <see cref="RepeatPurchaseResult.Counts"/>. Negative amounts are rejected: net refunds first.
/// </remarks>
public sealed class RepeatPurchaseAccumulator<TCustomer> : IMetricAccumulator<RepeatPurchaseAccumulator<TCustomer>, Purchase<TCustomer>, RepeatPurchaseResult>, IKeyedAccumulator
    where TCustomer : notnull
{
    private const int None = int.MaxValue;
    private readonly Dictionary<TCustomer, State> _customers;
    private int _latestDay = int.MinValue;
    private WindowCounts _counts;

    /// <summary>Creates an empty accumulator that reads every purchase.</summary>
    /// <param name="zone">The zone in which purchase days are read.</param>
    /// <param name="conversionWindowDays">N for the second-purchase conversion: the second purchase must come at most this many days after the first.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="conversionWindowDays"/> is less than 1.</exception>
    public RepeatPurchaseAccumulator(DateTimeZone zone, int conversionWindowDays = 90, IEqualityComparer<TCustomer>? comparer = null)
        : this(PurchaseWindow.All(zone), conversionWindowDays, comparer)
    {
    }

    /// <summary>Creates an empty accumulator that reads the purchases in <paramref name="window"/>.</summary>
    /// <param name="window">The zone days are read in and the days read; the window's last day, when it has one, is the end of observation.</param>
    /// <param name="conversionWindowDays">N for the second-purchase conversion: the second purchase must come at most this many days after the first.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="conversionWindowDays"/> is less than 1.</exception>
    public RepeatPurchaseAccumulator(PurchaseWindow window, int conversionWindowDays = 90, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (conversionWindowDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(conversionWindowDays), conversionWindowDays, $"The conversion window must be at least 1 day (was {conversionWindowDays}).");
        }

        Window = window;
        ConversionWindowDays = conversionWindowDays;
        _customers = new Dictionary<TCustomer, State>(comparer);
    }

    /// <summary>The zone in which purchase days are read.</summary>
    public DateTimeZone Zone => Window.Zone;

    /// <summary>The days read; its last day, when it has one, is the end of observation (otherwise the latest purchase day).</summary>
    public PurchaseWindow Window { get; }

    /// <summary>N: the conversion window in days.</summary>
    public int ConversionWindowDays { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The purchase names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        Retention.PurchaseChecks.Check(item);
        var day = LocalDays.Of(item, Window.Zone);
        if (!_counts.Admits(day, Window))
        {
            return;
        }

        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, item.Customer, out var exists);
        if (!exists)
        {
            state = new State { First = day, Second = None };
        }
        else
        {
            var revenue = AmountTotals.Add(state.Revenue, item.Amount, "spend"); // before any change, so an overflow changes nothing
            state.AddDay(day);
            state.Revenue = revenue;
            _counts.Included++;
            if (day > _latestDay)
            {
                _latestDay = day;
            }

            return;
        }

        state.Revenue += item.Amount;
        _counts.Included++;
        if (day > _latestDay)
        {
            _latestDay = day;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> uses another purchase window or conversion window, or compares customers differently.</exception>
    public void Merge(RepeatPurchaseAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Window.Equals(Window) || other.ConversionWindowDays != ConversionWindowDays
            || !other._customers.Comparer.Equals(_customers.Comparer))
        {
            throw new ArgumentException("Only accumulators with the same purchase window, conversion window and customer comparer can be merged.", nameof(other));
        }

        foreach (var (customer, theirs) in other._customers.ToArray())
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, customer, out var exists);
            if (!exists)
            {
                state = theirs;
                continue;
            }

            state.AddDay(theirs.First);
            if (theirs.Second != None)
            {
                state.AddDay(theirs.Second);
            }

            state.Revenue += theirs.Revenue;
        }

        _latestDay = Math.Max(_latestDay, other._latestDay);
        _counts.Add(other._counts);
    }

    /// <inheritdoc />
    public RepeatPurchaseResult GetResult()
    {
        long customers = _customers.Count, repeaters = 0, eligible = 0, converted = 0;
        decimal revenue = 0;
        var end = Window.End is not null ? Window.EndDay : _latestDay;
        var gaps = new List<int>();
        foreach (var state in _customers.Values)
        {
            revenue += state.Revenue;
            var gap = state.Second == None ? None : state.Second - state.First;
            if (gap != None)
            {
                repeaters++;
                gaps.Add(gap);
            }

            if ((long)state.First + ConversionWindowDays <= end)
            {
                eligible++;
                if (gap <= ConversionWindowDays)
                {
                    converted++;
                }
            }
        }

        const string NoCustomers = RepeatPurchaseResult.NoCustomersReason;
        return new RepeatPurchaseResult(
            customers,
            revenue,
            repeaters,
            customers - repeaters,
            MetricValue.Ratio(repeaters, customers, NoCustomers),
            MetricValue.Ratio(customers - repeaters, customers, NoCustomers),
            ConversionWindowDays,
            customers == 0 ? null : LocalDays.ToDate(end),
            eligible,
            converted,
            MetricValue.Ratio(converted, eligible, RepeatPurchaseResult.NoEligibleReason(ConversionWindowDays)),
            Median(gaps),
            MetricValue.Ratio(_counts.Included, customers, NoCustomers),
            _counts.Included == 0 ? null : revenue / _counts.Included,
            _counts.ToCounts());
    }

    int IKeyedAccumulator.KeyCount => _customers.Count;

    void IKeyedAccumulator.ReserveKeys(int keys) => _customers.EnsureCapacity(keys);

    private static MetricValue Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return MetricValue.Undefined("no repeat customers: nobody bought on a second day");
        }

        values.Sort();
        var mid = values.Count / 2;
        return MetricValue.Of(values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + (double)values[mid]) / 2);
    }

    private struct State
    {
        public int First;
        public int Second;
        public decimal Revenue;

        // Keeps the two smallest distinct days.
        public void AddDay(int day)
        {
            if (day < First)
            {
                Second = First;
                First = day;
            }
            else if (day > First && day < Second)
            {
                Second = day;
            }
        }
    }
}
