namespace Crm.Metrics.Retention;

/// <summary>The checks every purchase-reading calculator of this package applies to one purchase.</summary>
internal static class PurchaseChecks
{
    /// <summary>Throws when <paramref name="item"/> names no customer or, unless refunds are accepted, has a negative amount.</summary>
    public static void Check<TCustomer>(in Purchase<TCustomer> item, bool acceptRefunds = false)
        where TCustomer : notnull
    {
        if (!typeof(TCustomer).IsValueType && item.Customer is null)
        {
            throw new ArgumentException("The purchase names no customer (a default value).", nameof(item));
        }

        if (!acceptRefunds && item.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item.Amount, $"A purchase amount must not be negative (was {item.Amount}); net refunds into the purchases before calculating.");
        }
    }
}
