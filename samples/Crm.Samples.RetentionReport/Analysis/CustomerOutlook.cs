namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>What the fitted models say about one customer.</summary>
/// <param name="Customer">The customer key as read (the contact id for the generated base).</param>
/// <param name="PurchaseDays">Distinct purchase days in the calibration period.</param>
/// <param name="Revenue">The customer's revenue in the calibration period.</param>
/// <param name="DaysSinceLastPurchase">Days from the last purchase to the calibration end.</param>
/// <param name="ProbabilityAlive">BG/NBD P(alive) at the calibration end.</param>
/// <param name="ExpectedPurchases">BG/NBD expected purchase days in the next 12 months (365 days); null when the model cannot evaluate it.</param>
/// <param name="Clv">Discounted 12-month CLV (1 % a month), each purchase valued at the Gamma-Gamma expected spend; null when undefined.</param>
internal sealed record CustomerOutlook(string Customer, int PurchaseDays, decimal Revenue, int DaysSinceLastPurchase, double ProbabilityAlive, double? ExpectedPurchases, double? Clv);
