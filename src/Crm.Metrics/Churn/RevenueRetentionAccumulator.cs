using System.Runtime.InteropServices;

namespace Crm.Metrics.Churn;

/// <summary>Computes gross and net revenue retention from per-customer revenue at the start and end of a period; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// Lines of the same customer are summed before the customer is classified, so a customer moving revenue from one
/// product to another is neither expanding nor contracting; per customer, with start s and end e:
/// s &gt; 0, e = 0 is churn (s); s &gt; 0, e &gt; s is expansion (e − s); 0 &lt; e &lt; s is contraction (s − e);
/// s = 0, e &gt; 0 is new revenue. Memory: two decimals per customer.
/// </remarks>
public sealed class RevenueRetentionAccumulator<TCustomer> : IMetricAccumulator<RevenueRetentionAccumulator<TCustomer>, CustomerRevenue<TCustomer>, RevenueRetention>
    where TCustomer : notnull
{
    private readonly Dictionary<TCustomer, (decimal Start, decimal End)> _customers;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="comparer">How customer keys are compared (default equality when null).</param>
    public RevenueRetentionAccumulator(IEqualityComparer<TCustomer>? comparer = null)
        => _customers = new Dictionary<TCustomer, (decimal, decimal)>(comparer);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The line names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The start or end revenue is negative.</exception>
    public void Add(CustomerRevenue<TCustomer> item)
    {
        if (!typeof(TCustomer).IsValueType && item.Customer is null)
        {
            throw new ArgumentException("The revenue line names no customer (a default value).", nameof(item));
        }

        if (item.StartRevenue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item.StartRevenue, $"Start revenue must not be negative (was {item.StartRevenue}).");
        }

        if (item.EndRevenue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(item), item.EndRevenue, $"End revenue must not be negative (was {item.EndRevenue}).");
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, item.Customer, out _);
        slot = (slot.Start + item.StartRevenue, slot.End + item.EndRevenue);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> compares customers differently.</exception>
    public void Merge(RevenueRetentionAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._customers.Comparer.Equals(_customers.Comparer))
        {
            throw new ArgumentException("Only accumulators with the same customer comparer can be merged.", nameof(other));
        }

        foreach (var (customer, (start, end)) in other._customers.ToArray())
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, customer, out _);
            slot = (slot.Start + start, slot.End + end);
        }
    }

    /// <inheritdoc />
    public RevenueRetention GetResult()
    {
        decimal starting = 0, expansion = 0, contraction = 0, churned = 0, added = 0;
        long startingCustomers = 0, churnedCustomers = 0, newCustomers = 0;
        foreach (var (s, e) in _customers.Values)
        {
            if (s == 0)
            {
                if (e > 0)
                {
                    added += e;
                    newCustomers++;
                }

                continue;
            }

            starting += s;
            startingCustomers++;
            if (e == 0)
            {
                churned += s;
                churnedCustomers++;
            }
            else if (e > s)
            {
                expansion += e - s;
            }
            else
            {
                contraction += s - e;
            }
        }

        const string NoRevenue = "no recurring revenue at the start of the period";
        var grr = starting == 0 ? MetricValue.Undefined(NoRevenue) : MetricValue.Of((double)((starting - contraction - churned) / starting));
        var nrr = starting == 0 ? MetricValue.Undefined(NoRevenue) : MetricValue.Of((double)((starting + expansion - contraction - churned) / starting));
        return new RevenueRetention(
            starting,
            expansion,
            contraction,
            churned,
            added,
            startingCustomers,
            churnedCustomers,
            newCustomers,
            grr,
            nrr,
            MetricValue.Ratio(churnedCustomers, startingCustomers, "no customers with recurring revenue at the start of the period"));
    }
}
