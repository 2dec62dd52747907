using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>One generated refund of a purchase.</summary>
/// <param name="Purchase">The index of the purchase in <see cref="CustomerBase.Purchases"/>.</param>
/// <param name="At">When.</param>
/// <param name="Amount">How much is given back (at most the purchase's amount).</param>
internal readonly record struct GeneratedRefund(int Purchase, Instant At, decimal Amount);
