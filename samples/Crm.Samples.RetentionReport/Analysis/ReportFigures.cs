namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>Every figure of the retention report; all but <see cref="Transactions"/> are taken over the calibration period.</summary>
internal sealed record ReportFigures
{
    /// <summary>The settings the figures were computed with.</summary>
    public required ReportSettings Settings { get; init; }

    /// <summary>Purchase rows read, including those after the calibration end.</summary>
    public required long Transactions { get; init; }

    /// <summary>Distinct customers with a purchase in the calibration period.</summary>
    public required int Customers { get; init; }

    /// <summary>The sum of the amounts in the calibration period.</summary>
    public required decimal Revenue { get; init; }

    /// <summary>Customers who bought on at least two distinct days, as a share of all (0–1; null without customers).</summary>
    public required double? RepeatCustomerShare { get; init; }

    /// <summary>First-time buyers whose second purchase day came within 90 days, as a share of those observed for 90 days (0–1).</summary>
    public required double? SecondPurchaseShare { get; init; }

    /// <summary>The revenue share of the top ⌈20 % × customers⌉ customers by revenue (0–1).</summary>
    public required double? ParetoTop20RevenueShare { get; init; }

    /// <summary>How many customers the top 20 % is.</summary>
    public required long ParetoTopCustomers { get; init; }

    /// <summary>Retention and churn by calendar quarter, oldest first.</summary>
    public required IReadOnlyList<QuarterRetention> Quarters { get; init; }

    /// <summary>RFM segment sizes, largest first.</summary>
    public required IReadOnlyList<SegmentSize> Segments { get; init; }

    /// <summary>Monthly acquisition cohorts, oldest first.</summary>
    public required IReadOnlyList<CohortFigures> Cohorts { get; init; }

    /// <summary>The BG/NBD fit (r, alpha, a, b), or null without customers.</summary>
    public required ModelEstimate? BgNbd { get; init; }

    /// <summary>The Gamma-Gamma fit (p, q, gamma), or null without a repeat customer with positive mean repeat spend.</summary>
    public required ModelEstimate? GammaGamma { get; init; }

    /// <summary>The BG/NBD prediction of the holdout period beside what happened, or null without a holdout period (or a fit).</summary>
    public required HoldoutCheck? Holdout { get; init; }

    /// <summary>The models' view of every customer, highest CLV first.</summary>
    public required IReadOnlyList<CustomerOutlook> Outlook { get; init; }
}
