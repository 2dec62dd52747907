using System.Runtime.InteropServices;
using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Metrics.Retention;

/// <summary>Computes the retention of one period from explicit contracts (subscriptions) in one pass; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// With t₀ and t₁ the start and end instants of the period (<see cref="ReportingPeriod.Interval"/>, end exclusive) and
/// contracts active on [Start, End):
/// S = customers with a contract active at t₀; E = customers with a contract active at t₁ that started before t₁
/// (a contract starting exactly at t₁ belongs to the next period); N = customers not in S with a contract starting
/// strictly inside (t₀, t₁). A contract ending exactly at t₁ has lapsed: that customer is lost in this period. So E of
/// one period is S of the next, less the customers whose first contract starts exactly at the boundary, and E ≤ S + N
/// always holds. A starting customer whose contract lapses mid-period and who signs again before t₁ is retained.
/// </para>
/// <para>
/// Memory: one byte of flags per customer with a contract touching the period; contracts entirely outside the period
/// take no memory. Several contracts of one customer combine (a customer is active while any contract is).
/// </para>
/// </remarks>
public sealed class ContractRetentionAccumulator<TCustomer> : IMetricAccumulator<ContractRetentionAccumulator<TCustomer>, CustomerContract<TCustomer>, RetentionResult>
    where TCustomer : notnull
{
    private const byte AtStart = 1;
    private const byte AtEnd = 2;
    private const byte Joined = 4;

    private readonly Dictionary<TCustomer, byte> _flags;
    private readonly Instant _start;
    private readonly Instant _end;

    /// <summary>Creates an empty accumulator for <paramref name="period"/>.</summary>
    /// <param name="period">The period whose retention is measured.</param>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public ContractRetentionAccumulator(ReportingPeriod period, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        Period = period;
        _start = period.Interval.Start;
        _end = period.Interval.End;
        _flags = new Dictionary<TCustomer, byte>(comparer);
    }

    /// <summary>The period whose retention is measured.</summary>
    public ReportingPeriod Period { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The contract names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The contract ends at or before its start.</exception>
    public void Add(CustomerContract<TCustomer> item)
    {
        if (!typeof(TCustomer).IsValueType && item.Customer is null)
        {
            throw new ArgumentException("The contract names no customer (a default value).", nameof(item));
        }

        var s = item.Start;
        var e = item.End;
        if (e is { } until && until <= s)
        {
            throw new ArgumentOutOfRangeException(nameof(item), until, $"A contract's end must be after its start ({s}).");
        }

        byte flags = 0;
        if (s <= _start && (e is null || e.Value > _start))
        {
            flags |= AtStart;
        }

        if (s < _end && (e is null || e.Value > _end))
        {
            flags |= AtEnd;
        }

        if (s > _start && s < _end)
        {
            flags |= Joined;
        }

        if (flags != 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_flags, item.Customer, out _) |= flags;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> measures another period or compares customers differently.</exception>
    public void Merge(ContractRetentionAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Period.Equals(Period) || !other._flags.Comparer.Equals(_flags.Comparer))
        {
            throw new ArgumentException("Only accumulators of the same period and customer comparer can be merged.", nameof(other));
        }

        foreach (var (customer, flags) in other._flags.ToArray())
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_flags, customer, out _) |= flags;
        }
    }

    /// <inheritdoc />
    public RetentionResult GetResult()
    {
        long s = 0, n = 0, e = 0, retained = 0;
        foreach (var flags in _flags.Values)
        {
            var atStart = (flags & AtStart) != 0;
            var atEnd = (flags & AtEnd) != 0;
            if (atStart)
            {
                s++;
            }
            else if ((flags & Joined) != 0)
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
}
