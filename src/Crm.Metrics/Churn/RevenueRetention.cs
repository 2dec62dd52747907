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
/// <param name="GrossRevenueRetention">GRR = (start − contraction − churned) / start, a fraction 0–1; undefined when the starting revenue is zero.</param>
/// <param name="NetRevenueRetention">NRR = (start + expansion − contraction − churned) / start, a fraction (0 or more; above 1 when expansion outweighs losses); undefined when the starting revenue is zero.</param>
/// <param name="CustomerChurn">ChurnedCustomers / StartingCustomers, a fraction 0–1; undefined without starting customers.</param>
/// <remarks>
/// GRR and NRR as used for subscription businesses (SaaS investor and customer-success literature): GRR ignores
/// expansion, so it never exceeds 1 (100 %); NRR counts it, so it exceeds 1 when expansion outweighs losses. Revenue of
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
    MetricValue GrossRevenueRetention,
    MetricValue NetRevenueRetention,
    MetricValue CustomerChurn)
{
    /// <summary><see cref="GrossRevenueRetention"/> × 100, a percentage, for display.</summary>
    public MetricValue GrossRevenueRetentionPercent
        => StartingRevenue == 0 ? GrossRevenueRetention : MetricValue.Of((double)((StartingRevenue - Contraction - ChurnedRevenue) / StartingRevenue * 100));

    /// <summary><see cref="NetRevenueRetention"/> × 100, a percentage, for display.</summary>
    public MetricValue NetRevenueRetentionPercent
        => StartingRevenue == 0 ? NetRevenueRetention : MetricValue.Of((double)((StartingRevenue + Expansion - Contraction - ChurnedRevenue) / StartingRevenue * 100));

    /// <summary><see cref="CustomerChurn"/> × 100, a percentage, for display.</summary>
    public MetricValue CustomerChurnPercent => StartingCustomers == 0 ? CustomerChurn : MetricValue.Of(100.0 * ChurnedCustomers / StartingCustomers);

    /// <summary>Recurring revenue at the end: start + expansion − contraction − churned + new.</summary>
    public decimal EndingRevenue => StartingRevenue + Expansion - Contraction - ChurnedRevenue + NewRevenue;
}
