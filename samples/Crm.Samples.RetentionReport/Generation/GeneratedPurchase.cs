using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>One purchase of the generated base.</summary>
/// <param name="Customer">The index of the customer in <see cref="CustomerBase.Customers"/>.</param>
/// <param name="At">When.</param>
/// <param name="Amount">How much, in the base's one currency.</param>
internal readonly record struct GeneratedPurchase(int Customer, Instant At, decimal Amount);
