using NodaTime;

namespace Crm.Metrics;

/// <summary>One purchase by one customer: the raw event most calculators read.</summary>
/// <typeparam name="TCustomer">The host's customer key (a Guid, a long, a strongly typed id…).</typeparam>
/// <param name="Customer">Who bought.</param>
/// <param name="At">When the purchase happened.</param>
/// <param name="Amount">The purchase value, in the one currency every purchase of a calculation shares; may be zero, and negative only for refunds where a calculator says it accepts them.</param>
public readonly record struct Purchase<TCustomer>(TCustomer Customer, Instant At, decimal Amount)
    where TCustomer : notnull;
