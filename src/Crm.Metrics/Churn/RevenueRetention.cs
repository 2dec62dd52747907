namespace Crm.Metrics.Churn;

/// <summary>Gross and net revenue retention of one period, with the revenue movements they were computed from.</summary>
/// <param name="StartingRevenue">Recurring revenue at the start, summed over customers who had some.</param>
/// <param name="Expansion">Increases of customers who had revenue at both ends.</param>
/// <param name="Contraction">Decreases of customers who still had revenue at the end.</param>
/// <param name="ChurnedRevenue">Starting revenue of customers with none at the end.</param>
/// <param name="NewRevenue">End revenue of customers with none at the start (not part of either ratio).</param>
/// <param name="StartingCustomers">Customers with revenue at the start.</param>
/// <param name="ChurnedCustomers">Of those, customers with no revenue at the end.</param>
/// <param name="NewCustomers">Customers with revenue only at the end.</param>
/// <param name="GrossRevenueRetentionPercentage">GRR = (start − contraction − churned) / start × 100, in percent (0–100); undefined when the starting revenue is zero.</param>
/// <param name="NetRevenueRetentionPercentage">NRR = (start + expansion − contraction − churned) / start × 100, in percent (0 or more); undefined when the starting revenue is zero.</param>
/// <param name="CustomerChurnPercentage">ChurnedCustomers / StartingCustomers × 100, in percent; undefined without starting customers.</param>
/// <remarks>
/// GRR and NRR as used for subscription businesses (SaaS investor and customer-success literature): GRR ignores
/// expansion, so it never exceeds 100 %; NRR counts it, so it exceeds 100 % when expansion outweighs losses. Revenue of
/// customers acquired during the period is excluded from both. Money stays <see cref="decimal"/>; only the two ratios
/// are converted to <see cref="double"/>, after the exact decimal division.
/// </remarks>
public sealed record RevenueRetention(
    decimal StartingRevenue,
    decimal Expansion,
    decimal Contraction,
    decimal ChurnedRevenue,
    decimal NewRevenue,
    long StartingCustomers,
    long ChurnedCustomers,
    long NewCustomers,
    MetricValue GrossRevenueRetentionPercentage,
    MetricValue NetRevenueRetentionPercentage,
    MetricValue CustomerChurnPercentage)
{
    /// <summary>Recurring revenue at the end: start + expansion − contraction − churned + new.</summary>
    public decimal EndingRevenue => StartingRevenue + Expansion - Contraction - ChurnedRevenue + NewRevenue;
}
