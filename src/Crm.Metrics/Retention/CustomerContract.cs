using NodaTime;

namespace Crm.Metrics.Retention;

/// <summary>One subscription or contract of one customer: the customer is active from <paramref name="Start"/> up to, not including, <paramref name="End"/>.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <param name="Customer">Whose contract it is.</param>
/// <param name="Start">When the contract starts (inclusive).</param>
/// <param name="End">When it ends (exclusive), after <paramref name="Start"/>; <see langword="null"/> while it runs with no end date.</param>
public readonly record struct CustomerContract<TCustomer>(TCustomer Customer, Instant Start, Instant? End)
    where TCustomer : notnull;
