using System.Globalization;
using NodaTime;

namespace Crm.Metrics.Rfm;

/// <summary>Builds <see cref="CustomerSummary{TCustomer}"/>s from a raw transaction log in one streaming, mergeable pass.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// Purchases may arrive in any order. Each purchase instant is turned into a calendar day in <see cref="CustomerSummaryOptions.Zone"/>;
/// purchases after <see cref="CustomerSummaryOptions.ObservationEnd"/> are ignored and counted. Amounts are summed in
/// <see cref="decimal"/>, so a merge of partitions is exactly equal to one pass over the whole log.
/// </para>
/// <para>
/// Memory: per customer a few scalars plus the set of that customer's distinct purchase days (4 bytes each) — counting
/// distinct days exactly, in any order and across merges, needs the days themselves. Several purchases on one day take one entry.
/// </para>
/// </remarks>
public sealed class CustomerSummaryBuilder<TCustomer>
    : IMetricAccumulator<CustomerSummaryBuilder<TCustomer>, Purchase<TCustomer>, CustomerSummarySet<TCustomer>>
    where TCustomer : notnull
{
    private static readonly LocalDate Epoch = new(2000, 1, 1);

    private readonly Dictionary<TCustomer, State> _customers;
    private readonly int _summaryEndDay;
    private readonly int _observationEndDay;
    private long _purchasesRead;
    private long _purchasesAfterObservationEnd;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="options">The zone, end dates and time unit.</param>
    /// <param name="comparer">How customer keys are compared; the default comparer when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public CustomerSummaryBuilder(CustomerSummaryOptions options, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Comparer = comparer ?? EqualityComparer<TCustomer>.Default;
        _customers = new Dictionary<TCustomer, State>(Comparer);
        _summaryEndDay = DayNumber(options.SummaryEnd);
        _observationEndDay = DayNumber(options.ObservationEnd);
    }

    /// <summary>The options the builder reads the log with.</summary>
    public CustomerSummaryOptions Options { get; }

    /// <summary>How customer keys are compared.</summary>
    public IEqualityComparer<TCustomer> Comparer { get; }

    /// <summary>Adds one purchase.</summary>
    /// <exception cref="ArgumentNullException">The purchase's customer is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative: refunds are not purchases in this summary.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        if (item.Customer is null)
        {
            throw new ArgumentNullException(nameof(item), "A purchase's customer must not be null.");
        }

        if (item.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(item),
                item.Amount,
                string.Create(CultureInfo.InvariantCulture, $"A purchase amount must not be negative in a customer summary (was {item.Amount}); remove refunds or net them into their purchase first."));
        }

        _purchasesRead++;
        var day = DayNumber(item.At.InZone(Options.Zone).Date);
        if (day > _observationEndDay)
        {
            _purchasesAfterObservationEnd++;
            return;
        }

        if (!_customers.TryGetValue(item.Customer, out var state))
        {
            state = new State(day);
            _customers.Add(item.Customer, state);
        }

        state.Add(day, item.Amount, _summaryEndDay);
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

        foreach (var (customer, theirs) in other._customers)
        {
            if (_customers.TryGetValue(customer, out var mine))
            {
                mine.Merge(theirs, _summaryEndDay);
            }
            else
            {
                _customers.Add(customer, theirs.Clone());
            }
        }

        _purchasesRead += other._purchasesRead;
        _purchasesAfterObservationEnd += other._purchasesAfterObservationEnd;
    }

    /// <summary>Computes the summaries of every customer read so far.</summary>
    public CustomerSummarySet<TCustomer> GetResult()
    {
        var unit = Options.TimeUnit;
        var list = new List<CustomerSummary<TCustomer>>(_customers.Count);
        var firstSeenInHoldout = 0;
        foreach (var (customer, s) in _customers)
        {
            if (s.FirstDay > _summaryEndDay)
            {
                firstSeenInHoldout++;
                continue;
            }

            var frequency = s.CalibrationDays - 1;
            var monetary = frequency == 0 ? 0m : (s.CalibrationTotal - s.FirstDayTotal) / frequency;
            CustomerSummaryHoldout? holdout = null;
            if (Options.HasHoldout)
            {
                holdout = new CustomerSummaryHoldout(
                    s.HoldoutDays,
                    s.HoldoutDays == 0 ? 0m : s.HoldoutTotal / s.HoldoutDays,
                    unit.FromDayCount(_observationEndDay - _summaryEndDay));
            }

            list.Add(new CustomerSummary<TCustomer>(
                customer,
                Epoch.PlusDays(s.FirstDay),
                Epoch.PlusDays(s.LastCalibrationDay),
                frequency,
                unit.FromDayCount(s.LastCalibrationDay - s.FirstDay),
                unit.FromDayCount(_summaryEndDay - s.FirstDay),
                monetary,
                holdout));
        }

        if (typeof(IComparable<TCustomer>).IsAssignableFrom(typeof(TCustomer)) || typeof(IComparable).IsAssignableFrom(typeof(TCustomer)))
        {
            list.Sort((x, y) => Comparer<TCustomer>.Default.Compare(x.Customer, y.Customer));
        }
        else
        {
            var ordered = list.OrderBy(c => c.FirstPurchaseDate).ToList();
            list = ordered;
        }

        return new CustomerSummarySet<TCustomer>(Options, list, Comparer, _purchasesRead, _purchasesAfterObservationEnd, firstSeenInHoldout);
    }

    private static int DayNumber(LocalDate date) => Period.DaysBetween(Epoch, date);

    private sealed class State
    {
        private HashSet<int> _days = [];

        public State(int firstDay)
        {
            FirstDay = firstDay;
            LastCalibrationDay = int.MinValue;
        }

        public int FirstDay { get; private set; }

        public decimal FirstDayTotal { get; private set; }

        public int LastCalibrationDay { get; private set; }

        public int CalibrationDays { get; private set; }

        public decimal CalibrationTotal { get; private set; }

        public int HoldoutDays { get; private set; }

        public decimal HoldoutTotal { get; private set; }

        public void Add(int day, decimal amount, int summaryEndDay)
        {
            if (day < FirstDay)
            {
                FirstDay = day;
                FirstDayTotal = amount;
            }
            else if (day == FirstDay)
            {
                FirstDayTotal += amount;
            }

            var isNewDay = _days.Add(day);
            if (day <= summaryEndDay)
            {
                CalibrationTotal += amount;
                if (day > LastCalibrationDay)
                {
                    LastCalibrationDay = day;
                }

                if (isNewDay)
                {
                    CalibrationDays++;
                }
            }
            else
            {
                HoldoutTotal += amount;
                if (isNewDay)
                {
                    HoldoutDays++;
                }
            }
        }

        public void Merge(State other, int summaryEndDay)
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
            foreach (var day in other._days)
            {
                if (_days.Add(day))
                {
                    if (day <= summaryEndDay)
                    {
                        CalibrationDays++;
                    }
                    else
                    {
                        HoldoutDays++;
                    }
                }
            }
        }

        public State Clone()
        {
            var copy = (State)MemberwiseClone();
            copy._days = [.. _days];
            return copy;
        }
    }
}
