namespace Crm.Samples.RetentionReport.Storage;

/// <summary>One referrer: the customer key and how many customers they brought, directly and through their referees.</summary>
/// <param name="Customer">The customer key (the contact id).</param>
/// <param name="Direct">Customers they referred themselves.</param>
/// <param name="Indirect">Customers referred further down their downline.</param>
internal sealed record ReferrerFigures(string Customer, int Direct, int Indirect);
