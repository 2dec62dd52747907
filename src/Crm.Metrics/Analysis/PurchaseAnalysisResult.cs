using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Repeat;
using Crm.Metrics.Rfm;

namespace Crm.Metrics.Analysis;

/// <summary>Everything one pass over a purchase stream yields: summary, repeat behaviour, Pareto, cohorts, retention by period, RFM segments and the model inputs.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// Every figure but <see cref="PurchaseAnalysisCounts.RowsRead"/> is computed from the calibration period's purchases (see
/// <see cref="PurchaseAnalysisOptions"/>). Each section equals what its own calculator gives on those purchases:
/// <see cref="RepeatPurchase"/>, <see cref="ParetoAnalysis"/>, <see cref="CohortAnalysis"/> with the calibration window,
/// <see cref="Retention.ActivityRetentionAccumulator{TCustomer}"/> per period, <see cref="RfmScoring"/> and
/// <see cref="CustomerSummaryBuilder{TCustomer}"/>. Shares are fractions 0–1.
/// </remarks>
public sealed class PurchaseAnalysisResult<TCustomer>
    where TCustomer : notnull
{
    internal PurchaseAnalysisResult(
        PurchaseAnalysisOptions options,
        PurchaseAnalysisCounts counts,
        RepeatPurchaseResult repeat,
        ParetoResult<TCustomer> pareto,
        CohortMatrix cohorts,
        IReadOnlyList<PeriodRetention> retention,
        RfmScoringResult<TCustomer> rfm,
        IReadOnlyList<RfmSegmentSize> rfmSegments,
        ModelInputs<TCustomer> models)
    {
        Options = options;
        Counts = counts;
        Repeat = repeat;
        Pareto = pareto;
        ParetoTopShare = pareto.TopShare(options.ParetoTopFraction);
        Cohorts = cohorts;
        Retention = retention;
        Rfm = rfm;
        RfmSegments = rfmSegments;
        Models = models;
    }

    /// <summary>The options the analysis was computed with.</summary>
    public PurchaseAnalysisOptions Options { get; }

    /// <summary>Distinct customers with at least one purchase in the calibration period.</summary>
    public long Customers => Repeat.Customers;

    /// <summary>The sum of the amounts of the purchases in the calibration period.</summary>
    public decimal Revenue => Repeat.Revenue;

    /// <summary>What became of every purchase read: the rows read, the purchases analysed and each exclusion by its reason.</summary>
    public PurchaseAnalysisCounts Counts { get; }

    /// <summary>Repeat behaviour: repeat-customer share (purchases on at least two distinct days), second-purchase conversion, frequency and order value.</summary>
    public RepeatPurchaseResult Repeat { get; }

    /// <summary>Customers ranked by their calibration revenue.</summary>
    public ParetoResult<TCustomer> Pareto { get; }

    /// <summary>The revenue share of the top <see cref="PurchaseAnalysisOptions.ParetoTopFraction"/> of customers (⌈fraction × customers⌉ of them).</summary>
    public ParetoShare ParetoTopShare { get; }

    /// <summary>Acquisition cohorts by <see cref="PurchaseAnalysisOptions.CohortUnit"/>, rows running to the period of the calibration end.</summary>
    public CohortMatrix Cohorts { get; }

    /// <summary>Retention and churn per <see cref="PurchaseAnalysisOptions.RetentionPeriodUnit"/>, from the period of the start (or first purchase) to the period of the calibration end; empty without customers.</summary>
    public IReadOnlyList<PeriodRetention> Retention { get; }

    /// <summary>RFM quintile scores of every customer: recency = days from the last purchase day to the calibration end, frequency = purchase days, monetary = calibration revenue.</summary>
    public RfmScoringResult<TCustomer> Rfm { get; }

    /// <summary>How many customers fell in each segment of <see cref="RfmSegmentMap.Default"/>, every segment listed in enum order (zeros included).</summary>
    public IReadOnlyList<RfmSegmentSize> RfmSegments { get; }

    /// <summary>Frequency, recency, T and mean repeat spend per customer: what the BG/NBD and Gamma-Gamma fits need.</summary>
    public ModelInputs<TCustomer> Models { get; }
}
