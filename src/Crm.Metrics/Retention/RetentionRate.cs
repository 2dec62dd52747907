using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Metrics.Retention;

/// <summary>Computes the customer retention rate from counts or from the customers active at the start and end of a period.</summary>
/// <remarks>
/// To derive the sets from raw events in one pass, use <see cref="ContractRetentionAccumulator{TCustomer}"/> (explicit
/// contracts) or <see cref="ActivityRetentionAccumulator{TCustomer}"/> (purchases and an inactivity window).
/// </remarks>
public static class RetentionRate
{
    /// <summary>CRR = (E − N) / S × 100 from the three counts.</summary>
    /// <param name="startCustomers">S: customers at the start of the period.</param>
    /// <param name="newCustomers">N: customers acquired during the period.</param>
    /// <param name="endCustomers">E: customers at the end of the period.</param>
    /// <remarks>S = 20, N = 5, E = 24 gives 95 %; S = 44, N = 12, E = 43 gives 70.4545… % (often quoted rounded to 70 %).
    /// S = 0 gives an undefined rate, not an exception. See <see cref="RetentionResult"/> for why the formula undercounts
    /// when new customers leave within the period.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or E exceeds S + N (every customer at the end was there at the start or was acquired).</exception>
    public static RetentionResult FromCounts(long startCustomers, long newCustomers, long endCustomers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startCustomers);
        ArgumentOutOfRangeException.ThrowIfNegative(newCustomers);
        ArgumentOutOfRangeException.ThrowIfNegative(endCustomers);
        if (endCustomers - newCustomers > startCustomers)
        {
            throw new ArgumentOutOfRangeException(
                nameof(endCustomers),
                endCustomers,
                $"End customers E must not exceed start customers S plus new customers N (E = {endCustomers}, S + N = {startCustomers} + {newCustomers}).");
        }

        return RetentionResult.Create(startCustomers, newCustomers, endCustomers, null);
    }

    /// <summary>The retention rate from the customers themselves, which also gives the exact share |S ∩ E| / |S|.</summary>
    /// <param name="atStart">Customers active at the start of the period (S).</param>
    /// <param name="joined">Customers who became active during the period without being active at its start (N), including any gone again by its end.</param>
    /// <param name="atEnd">Customers active at the end of the period (E).</param>
    /// <param name="comparer">How customers are compared (default equality when null).</param>
    /// <remarks>Each sequence is read as a set: a customer listed twice counts once.</remarks>
    /// <exception cref="ArgumentNullException">A sequence is null.</exception>
    /// <exception cref="ArgumentException">A customer is both in <paramref name="atStart"/> and <paramref name="joined"/>, or a customer in <paramref name="atEnd"/> is in neither.</exception>
    public static RetentionResult FromCustomers<TCustomer>(
        IEnumerable<TCustomer> atStart,
        IEnumerable<TCustomer> joined,
        IEnumerable<TCustomer> atEnd,
        IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
    {
        ArgumentNullException.ThrowIfNull(atStart);
        ArgumentNullException.ThrowIfNull(joined);
        ArgumentNullException.ThrowIfNull(atEnd);
        var start = new HashSet<TCustomer>(atStart, comparer);
        var acquired = new HashSet<TCustomer>(joined, comparer);
        var end = new HashSet<TCustomer>(atEnd, comparer);
        if (acquired.Overlaps(start))
        {
            throw new ArgumentException("A customer who joined during the period must not also be active at its start.", nameof(joined));
        }

        long retained = 0;
        foreach (var customer in end)
        {
            if (start.Contains(customer))
            {
                retained++;
            }
            else if (!acquired.Contains(customer))
            {
                throw new ArgumentException("Every customer active at the end must have been active at the start or have joined during the period.", nameof(atEnd));
            }
        }

        return RetentionResult.Create(start.Count, acquired.Count, end.Count, retained);
    }

    /// <summary>The retention of <paramref name="period"/> from explicit contracts, in one pass (see <see cref="ContractRetentionAccumulator{TCustomer}"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A contract names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A contract ends at or before its start.</exception>
    public static RetentionResult FromContracts<TCustomer>(IEnumerable<CustomerContract<TCustomer>> contracts, ReportingPeriod period, IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new ContractRetentionAccumulator<TCustomer>(period, comparer).AddRange(contracts).GetResult();

    /// <summary>The retention of <paramref name="period"/> from purchases and an inactivity window, in one pass (see <see cref="ActivityRetentionAccumulator{TCustomer}"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window is not positive, or a purchase amount is negative.</exception>
    public static RetentionResult FromPurchases<TCustomer>(IEnumerable<Purchase<TCustomer>> purchases, ReportingPeriod period, Period inactivityWindow, IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new ActivityRetentionAccumulator<TCustomer>(period, inactivityWindow, comparer).AddRange(purchases).GetResult();
}
