using System.Runtime.InteropServices;
using Crm.Metrics.Accumulation;
using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Metrics.Retention;

/// <summary>Computes the retention of one period from purchases (non-contractual) in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// Without contracts a customer counts as active while their last purchase is recent: a purchase at instant p keeps the
/// customer active up to, not including, p + W, where W is the inactivity window, a NodaTime <see cref="NodaTime.Period"/>
/// added to p's local date and time <em>in the reporting period's zone</em> (so "3 months" means calendar months and
/// "90 days" means local days, across daylight-saving changes; a result in a gap or overlap is resolved leniently).
/// </para>
/// <para>
/// With t₀ and t₁ the start and end instants of the period: S = customers whose last purchase before t₀ is within W of
/// t₀; E = customers whose last purchase before t₁ is within W of t₁; N = customers not in S who purchased in
/// [t₀, t₁) — newly acquired or returning after lapsing. E ≤ S + N always holds.
/// </para>
/// <para>
/// A date-only purchase counts as made at the start of its date in the period's zone.
/// Feed the purchases before the period too (at least one window's worth), or S will be too small. Purchases at or after
/// t₁ are ignored and take no memory. Memory is one small entry per customer, whatever the number of purchases; adding a
/// purchase allocates nothing once the customer is known.
/// </para>
/// </remarks>
public sealed class ActivityRetentionAccumulator<TCustomer> : IMetricAccumulator<ActivityRetentionAccumulator<TCustomer>, Purchase<TCustomer>, RetentionResult>, IKeyedAccumulator
    where TCustomer : notnull
{
    private readonly Dictionary<TCustomer, State> _customers;
    private readonly Instant _start;
    private readonly Instant _end;

    /// <summary>Creates an empty accumulator for <paramref name="period"/>.</summary>
    /// <param name="period">The period whose retention is measured.</param>
    /// <param name="inactivityWindow">How long a purchase keeps a customer active, e.g. <c>Period.FromDays(90)</c> or <c>Period.FromMonths(3)</c>.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> or <paramref name="inactivityWindow"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inactivityWindow"/> is zero or has a negative component.</exception>
    public ActivityRetentionAccumulator(ReportingPeriod period, Period inactivityWindow, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(inactivityWindow);
        var w = inactivityWindow;
        if (w.Equals(NodaTime.Period.Zero) || w.Years < 0 || w.Months < 0 || w.Weeks < 0 || w.Days < 0 || w.Hours < 0 || w.Minutes < 0
            || w.Seconds < 0 || w.Milliseconds < 0 || w.Ticks < 0 || w.Nanoseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inactivityWindow), inactivityWindow, $"The inactivity window must be positive with no negative component (was {inactivityWindow}).");
        }

        Period = period;
        InactivityWindow = inactivityWindow;
        _start = period.Interval.Start;
        _end = period.Interval.End;
        _customers = new Dictionary<TCustomer, State>(comparer);
    }

    /// <summary>The period whose retention is measured.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>How long a purchase keeps a customer active, read in the period's zone.</summary>
    public Period InactivityWindow { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The purchase names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative: a refund is not activity.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        PurchaseChecks.Check(item);
        var at = item.InstantIn(Period.Zone);
        if (at >= _end)
        {
            return;
        }

        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, item.Customer, out _);
        state.Include(at, at >= _start);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> measures another period or window, or compares customers differently.</exception>
    public void Merge(ActivityRetentionAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Period.Equals(Period) || !other.InactivityWindow.Equals(InactivityWindow) || !other._customers.Comparer.Equals(_customers.Comparer))
        {
            throw new ArgumentException("Only accumulators of the same period, inactivity window and customer comparer can be merged.", nameof(other));
        }

        foreach (var (customer, theirs) in other._customers.ToArray())
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, customer, out _);
            state.Merge(theirs);
        }
    }

    /// <inheritdoc />
    public RetentionResult GetResult()
    {
        var zone = Period.Zone;
        long s = 0, n = 0, e = 0, retained = 0;
        foreach (var state in _customers.Values)
        {
            var atStart = state.HasBeforeStart && Expiry(state.LastBeforeStart, zone) > _start;
            var atEnd = Expiry(state.LastBeforeEnd, zone) > _end;
            if (atStart)
            {
                s++;
            }
            else if (state.PurchasedDuring)
            {
                n++;
            }

            if (atEnd)
            {
                e++;
                if (atStart)
                {
                    retained++;
                }
            }
        }

        return RetentionResult.Create(s, n, e, retained);
    }

    int IKeyedAccumulator.KeyCount => _customers.Count;

    void IKeyedAccumulator.ReserveKeys(int keys) => _customers.EnsureCapacity(keys);

    private Instant Expiry(Instant purchase, DateTimeZone zone)
        => (purchase.InZone(zone).LocalDateTime + InactivityWindow).InZoneLeniently(zone).ToInstant();

    // Every entry has at least one purchase before t₁, so LastBeforeEnd is always set.
    private struct State
    {
        public Instant LastBeforeStart;
        public Instant LastBeforeEnd;
        public bool HasBeforeStart;
        public bool PurchasedDuring;
        private bool _any;

        public void Include(Instant at, bool during)
        {
            if (during)
            {
                PurchasedDuring = true;
            }
            else if (!HasBeforeStart || at > LastBeforeStart)
            {
                LastBeforeStart = at;
                HasBeforeStart = true;
            }

            if (!_any || at > LastBeforeEnd)
            {
                LastBeforeEnd = at;
                _any = true;
            }
        }

        public void Merge(State other)
        {
            if (other.HasBeforeStart)
            {
                Include(other.LastBeforeStart, false);
            }

            if (other._any)
            {
                Include(other.LastBeforeEnd, other.PurchasedDuring);
            }

            PurchasedDuring |= other.PurchasedDuring;
        }
    }
}
