using Crm.Metrics;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>Customer retention and churn in one calendar quarter, from purchases and an inactivity window.</summary>
/// <param name="Quarter">The quarter, as "2025-Q3".</param>
/// <param name="StartCustomers">S: customers active when the quarter starts.</param>
/// <param name="NewCustomers">N: customers who became active during it (new, or back after lapsing).</param>
/// <param name="EndCustomers">E: customers active when it ends.</param>
/// <param name="RetentionPercentage">(E − N) / S × 100.</param>
/// <param name="ChurnPercentage">100 minus the retention percentage.</param>
internal sealed record QuarterRetention(string Quarter, long StartCustomers, long NewCustomers, long EndCustomers, MetricValue RetentionPercentage, MetricValue ChurnPercentage);
