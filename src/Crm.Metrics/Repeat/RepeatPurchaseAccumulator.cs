using System.Runtime.InteropServices;
using Crm.Metrics.Accumulation;
using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>Computes <see cref="RepeatPurchaseResult"/> from purchases in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// Per customer it keeps the first two distinct purchase days, the number of orders and the revenue (a 32-byte struct
/// in one dictionary entry), so memory is proportional to customers and adding a purchase of a known customer allocates
/// nothing. Day boundaries are read in the configured zone. Negative amounts are rejected: net refunds first.
/// </remarks>
public sealed class RepeatPurchaseAccumulator<TCustomer> : IMetricAccumulator<RepeatPurchaseAccumulator<TCustomer>, Purchase<TCustomer>, RepeatPurchaseResult>, IKeyedAccumulator
    where TCustomer : notnull
{
    private const int None = int.MaxValue;
    private readonly Dictionary<TCustomer, State> _customers;
    private readonly int _observationEndDay;
    private int _latestDay = int.MinValue;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="zone">The zone in which purchase days are read.</param>
    /// <param name="conversionWindowDays">N for the second-purchase conversion: the second purchase must come at most this many days after the first.</param>
    /// <param name="observationEnd">The last day of observation; purchases on later days are ignored. When null, the day of the latest purchase seen.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="conversionWindowDays"/> is less than 1.</exception>
    public RepeatPurchaseAccumulator(DateTimeZone zone, int conversionWindowDays = 90, LocalDate? observationEnd = null, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (conversionWindowDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(conversionWindowDays), conversionWindowDays, $"The conversion window must be at least 1 day (was {conversionWindowDays}).");
        }

        Zone = zone;
        ConversionWindowDays = conversionWindowDays;
        ObservationEnd = observationEnd;
        _observationEndDay = observationEnd is { } end ? LocalDays.FromDate(end) : None;
        _customers = new Dictionary<TCustomer, State>(comparer);
    }

    /// <summary>The zone in which purchase days are read.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>N: the conversion window in days.</summary>
    public int ConversionWindowDays { get; }

    /// <summary>The configured last day of observation, or <see langword="null"/> to use the latest purchase day.</summary>
    public LocalDate? ObservationEnd { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The purchase names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        Retention.PurchaseChecks.Check(item);
        var day = LocalDays.Of(item.At, Zone);
        if (day > _observationEndDay)
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
            state.Purchases++;
            state.Revenue = revenue;
            if (day > _latestDay)
            {
                _latestDay = day;
            }

            return;
        }

        state.Purchases++;
        state.Revenue += item.Amount;
        if (day > _latestDay)
        {
            _latestDay = day;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> uses another zone, window or observation end, or compares customers differently.</exception>
    public void Merge(RepeatPurchaseAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Zone.Equals(Zone) || other.ConversionWindowDays != ConversionWindowDays || other.ObservationEnd != ObservationEnd
            || !other._customers.Comparer.Equals(_customers.Comparer))
        {
            throw new ArgumentException("Only accumulators with the same zone, conversion window, observation end and customer comparer can be merged.", nameof(other));
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

            state.Purchases += theirs.Purchases;
            state.Revenue += theirs.Revenue;
        }

        _latestDay = Math.Max(_latestDay, other._latestDay);
    }

    /// <inheritdoc />
    public RepeatPurchaseResult GetResult()
    {
        long customers = _customers.Count, purchases = 0, repeaters = 0, eligible = 0, converted = 0;
        decimal revenue = 0;
        var end = ObservationEnd is not null ? _observationEndDay : _latestDay;
        var gaps = new List<int>();
        foreach (var state in _customers.Values)
        {
            purchases += state.Purchases;
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

        const string NoCustomers = "no customers: no purchases were added";
        return new RepeatPurchaseResult(
            customers,
            purchases,
            revenue,
            repeaters,
            customers - repeaters,
            MetricValue.Ratio(repeaters, customers, NoCustomers, 100),
            MetricValue.Ratio(customers - repeaters, customers, NoCustomers, 100),
            ConversionWindowDays,
            customers == 0 ? null : LocalDays.ToDate(end),
            eligible,
            converted,
            MetricValue.Ratio(converted, eligible, $"no first-time buyer was observed for the whole {ConversionWindowDays}-day window", 100),
            Median(gaps),
            MetricValue.Ratio(purchases, customers, NoCustomers),
            purchases == 0 ? null : revenue / purchases);
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
        public int Purchases;
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
