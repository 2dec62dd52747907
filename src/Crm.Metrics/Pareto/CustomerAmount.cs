namespace Crm.Metrics.Pareto;

/// <summary>One customer's total over all purchases fed to a <see cref="ParetoAccumulator{TCustomer}"/> (revenue, or margin when margins were fed).</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <param name="Customer">The customer.</param>
/// <param name="Amount">The customer's total.</param>
/// <param name="Rank">1 for the largest total; customers with equal totals are ranked by the customer order.</param>
public sealed record CustomerAmount<TCustomer>(TCustomer Customer, decimal Amount, int Rank)
    where TCustomer : notnull;
