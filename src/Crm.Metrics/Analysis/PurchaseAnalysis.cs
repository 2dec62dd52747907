namespace Crm.Metrics.Analysis;

/// <summary>Analyses a purchase stream in one pass: summary, repeat behaviour, Pareto, cohorts, retention by period, RFM segments and model inputs (see <see cref="PurchaseAnalysisAccumulator{TCustomer}"/>).</summary>
public static class PurchaseAnalysis
{
    /// <summary>Reads <paramref name="purchases"/> once and computes every section of the analysis.</summary>
    /// <param name="purchases">The purchases, in any order; instant and date-only purchases may be mixed.</param>
    /// <param name="options">The zone, end dates, time unit, start and section settings.</param>
    /// <param name="customerOrder">Orders customers with equal revenue; defaults to ordinal order for strings and the natural order otherwise.</param>
    /// <param name="comparer">How customer keys are compared for equality (default equality when null).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer, or the customer type has no natural order and none is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A purchase amount is negative, or a customer's total leaves decimal's range.</exception>
    public static PurchaseAnalysisResult<TCustomer> Calculate<TCustomer>(
        IEnumerable<Purchase<TCustomer>> purchases,
        PurchaseAnalysisOptions options,
        IComparer<TCustomer>? customerOrder = null,
        IEqualityComparer<TCustomer>? comparer = null)
        where TCustomer : notnull
        => new PurchaseAnalysisAccumulator<TCustomer>(options, customerOrder, comparer).AddRange(purchases).GetResult();

    /// <summary>Reads <paramref name="purchases"/> once as they arrive and computes every section of the analysis.</summary>
    /// <param name="purchases">The purchases, in any order; instant and date-only purchases may be mixed.</param>
    /// <param name="options">The zone, end dates, time unit, start and section settings.</param>
    /// <param name="customerOrder">Orders customers with equal revenue; defaults to ordinal order for strings and the natural order otherwise.</param>
    /// <param name="comparer">How customer keys are compared for equality (default equality when null).</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer, or the customer type has no natural order and none is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A purchase amount is negative, or a customer's total leaves decimal's range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<PurchaseAnalysisResult<TCustomer>> CalculateAsync<TCustomer>(
        IAsyncEnumerable<Purchase<TCustomer>> purchases,
        PurchaseAnalysisOptions options,
        IComparer<TCustomer>? customerOrder = null,
        IEqualityComparer<TCustomer>? comparer = null,
        CancellationToken cancellationToken = default)
        where TCustomer : notnull
    {
        var accumulator = new PurchaseAnalysisAccumulator<TCustomer>(options, customerOrder, comparer);
        await accumulator.AddRangeAsync(purchases, cancellationToken).ConfigureAwait(false);
        return accumulator.GetResult();
    }
}
