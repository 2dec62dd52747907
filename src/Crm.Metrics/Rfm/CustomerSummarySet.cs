namespace Crm.Metrics.Rfm;

/// <summary>The per-customer summaries of a transaction log, with the counts needed to check them.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <see cref="Customers"/> is ordered by customer key when <typeparamref name="TCustomer"/> is comparable (so any partitioning
/// of the log gives an identical list), otherwise by first purchase date. Customers whose first purchase falls in the holdout
/// period have no calibration history and are left out (as in lifetimes); <see cref="CustomersFirstSeenInHoldout"/> says how many.
/// </remarks>
public sealed class CustomerSummarySet<TCustomer>
    where TCustomer : notnull
{
    private readonly IEqualityComparer<TCustomer> _comparer;
    private Dictionary<TCustomer, CustomerSummary<TCustomer>>? _byCustomer;

    internal CustomerSummarySet(
        CustomerSummaryOptions options,
        IReadOnlyList<CustomerSummary<TCustomer>> customers,
        IEqualityComparer<TCustomer> comparer,
        long rowsRead,
        long purchasesInHoldout,
        long purchasesAfterObservationEnd,
        int customersFirstSeenInHoldout)
    {
        Options = options;
        Customers = customers;
        RowsRead = rowsRead;
        PurchasesInHoldout = purchasesInHoldout;
        PurchasesAfterObservationEnd = purchasesAfterObservationEnd;
        CustomersFirstSeenInHoldout = customersFirstSeenInHoldout;
        _comparer = comparer;
        foreach (var c in customers)
        {
            if (c.Frequency > 0)
            {
                RepeatCustomers++;
            }

            TotalFrequency += c.Frequency;
            TotalHoldoutFrequency += c.Holdout?.Frequency ?? 0;
        }
    }

    /// <summary>The options the summary was built with.</summary>
    public CustomerSummaryOptions Options { get; }

    /// <summary>One summary per customer with a purchase in the calibration (or observation) period.</summary>
    public IReadOnlyList<CustomerSummary<TCustomer>> Customers { get; }

    /// <summary>The number of customers with at least one repeat purchase day (x &gt; 0).</summary>
    public int RepeatCustomers { get; }

    /// <summary>Σx: the total number of repeat purchase days in calibration.</summary>
    public long TotalFrequency { get; }

    /// <summary>The total number of purchase days in the holdout period of the summarised customers (0 without a holdout period).</summary>
    public long TotalHoldoutFrequency { get; }

    /// <summary>Every purchase added, whatever became of it (RowsRead = PurchasesInCalibration + PurchasesInHoldout + PurchasesAfterObservationEnd).</summary>
    public long RowsRead { get; }

    /// <summary>The purchases on or before the calibration end: the ones the summaries are computed from.</summary>
    public long PurchasesInCalibration => RowsRead - PurchasesInHoldout - PurchasesAfterObservationEnd;

    /// <summary>The purchases in the holdout period (0 without one); they feed only <see cref="CustomerSummary{TCustomer}.Holdout"/>.</summary>
    public long PurchasesInHoldout { get; }

    /// <summary>The purchases ignored because they fell after the last day read (<see cref="CustomerSummaryOptions.LastDayRead"/>).</summary>
    public long PurchasesAfterObservationEnd { get; }

    /// <summary>The number of customers left out because their first purchase was in the holdout period.</summary>
    public int CustomersFirstSeenInHoldout { get; }

    /// <summary>Finds the summary of one customer.</summary>
    public bool TryGetCustomer(TCustomer customer, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out CustomerSummary<TCustomer> summary)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return LazyInitializer.EnsureInitialized(ref _byCustomer, CreateIndex).TryGetValue(customer, out summary);
    }

    // Built on the first look-up only: most callers read the list, and a million-entry index costs as much as the summary.
    private Dictionary<TCustomer, CustomerSummary<TCustomer>> CreateIndex()
    {
        var index = new Dictionary<TCustomer, CustomerSummary<TCustomer>>(Customers.Count, _comparer);
        foreach (var c in Customers)
        {
            index.Add(c.Customer, c);
        }

        return index;
    }
}
