namespace Crm.Metrics.Pareto;

/// <summary>Ranks customers by their purchase totals in one pass (see <see cref="ParetoAccumulator{TCustomer}"/>).</summary>
public static class ParetoAnalysis
{
    /// <summary>Sums <paramref name="purchases"/> per customer and ranks the customers, largest total first.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/> is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer, or the customer type has no natural order and none is given.</exception>
    public static ParetoResult<TCustomer> Calculate<TCustomer>(IEnumerable<Purchase<TCustomer>> purchases, IComparer<TCustomer>? customerOrder = null)
        where TCustomer : notnull
        => new ParetoAccumulator<TCustomer>(null, customerOrder).AddRange(purchases).GetResult();

    /// <summary>Sums the purchases of <paramref name="purchases"/> that lie in <paramref name="window"/> per customer and ranks the customers, largest total first.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/> or <paramref name="window"/> is null.</exception>
    /// <exception cref="ArgumentException">A purchase names no customer, or the customer type has no natural order and none is given.</exception>
    public static ParetoResult<TCustomer> Calculate<TCustomer>(IEnumerable<Purchase<TCustomer>> purchases, PurchaseWindow window, IComparer<TCustomer>? customerOrder = null)
        where TCustomer : notnull
    {
        ArgumentNullException.ThrowIfNull(window);
        return new ParetoAccumulator<TCustomer>(window, customerOrder).AddRange(purchases).GetResult();
    }
}
